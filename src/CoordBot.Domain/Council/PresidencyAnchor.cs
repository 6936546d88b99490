namespace CoordBot.Domain.Council;

/// <summary>A known fact the rotation is counted from: the member that presided in the given month.</summary>
public sealed record PresidencyAnchor(string Code, int Year, int Month);
