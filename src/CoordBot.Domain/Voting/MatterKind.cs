namespace CoordBot.Domain.Voting;

/// <summary>Article 27 distinguishes procedural matters (no veto) from all other, substantive, matters.</summary>
public enum MatterKind
{
    Procedural,
    Substantive,
}
