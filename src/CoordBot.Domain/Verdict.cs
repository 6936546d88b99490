namespace CoordBot.Domain;

/// <summary>Answer to "may this happen?": allowed, or refused with a typed reason (worded by the catalogue).</summary>
public sealed record Verdict(bool IsAllowed, Reason? Reason)
{
    public static Verdict Allowed { get; } = new(true, null);

    public static Verdict Refused(Reason reason) => new(false, reason ?? throw new ArgumentNullException(nameof(reason)));

    public static Verdict Refused(ReasonCode code, params object[] args) => new(false, Domain.Reason.Of(code, args));

    public bool IsRefused => !IsAllowed;
}
