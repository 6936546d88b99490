namespace CoordBot.Domain;

/// <summary>Answer to "may this happen?": allowed, or refused with a reason a person can read.</summary>
public sealed record Verdict(bool IsAllowed, string? Reason)
{
    public static Verdict Allowed { get; } = new(true, null);

    public static Verdict Refused(string reason) => new(false, reason);

    public bool IsRefused => !IsAllowed;
}
