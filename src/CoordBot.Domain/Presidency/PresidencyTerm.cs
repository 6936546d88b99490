namespace CoordBot.Domain.Presidency;

/// <summary>Who presides in one month, and whether that is by an override rather than the rotation.</summary>
public sealed record PresidencyTerm(int Year, int Month, string Code, bool Overridden);
