namespace CoordBot.Domain.Council;

/// <summary>How a body agrees a text in writing (the council file's <c>writtenProcedure</c>).</summary>
public enum WrittenProcedure
{
    /// <summary>Adopted at the deadline unless a delegation breaks silence; the chair may extend it.</summary>
    Silence,

    /// <summary>The committees' procedure: as silence, and a member may also place a hold, which stops the deadline until it is lifted.</summary>
    NoObjection,
}
