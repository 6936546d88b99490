using CoordBot.Domain.Council;

namespace CoordBot.Council;

/// <summary>A body the deployment serves (issue 25), as configured: its council file, its key and the name people see.</summary>
public sealed record BodyDefinition(string Key, string ShortName, CouncilDefinition Council, string Source)
{
    /// <summary>The id its rows carry; given at start by <see cref="CouncilProvider.RegisterAsync"/> (the first body's is 1).</summary>
    public int Id { get; internal set; }
}
