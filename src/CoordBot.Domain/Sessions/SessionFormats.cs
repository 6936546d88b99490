using CoordBot.Domain.Membership;

namespace CoordBot.Domain.Sessions;

/// <summary>Parsing of session formats from commands, and who may convene each.</summary>
public static class SessionFormats
{
    public static Result<SessionFormat> Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "open" => Result.Ok(SessionFormat.Open),
        "closed" => Result.Ok(SessionFormat.Closed),
        "consultations" => Result.Ok(SessionFormat.Consultations),
        "arria" => Result.Ok(SessionFormat.Arria),
        { } word when Native.TryGetValue(word, out var native) => Result.Ok(native),
        _ => Result.Fail<SessionFormat>($"unknown format \"{text}\": use open, closed, consultations or arria"),
    };

    /// <summary>
    /// The formats as the other official languages write them, one word each, accepted as the English ones are (the
    /// usage line of /schedule shows them to a reader in that language: Arg.open ... in the catalogue's Terms family).
    /// </summary>
    private static readonly Dictionary<string, SessionFormat> Native = new(StringComparer.Ordinal)
    {
        ["publique"] = SessionFormat.Open, ["privée"] = SessionFormat.Closed, ["consultations"] = SessionFormat.Consultations,
        ["pública"] = SessionFormat.Open, ["privada"] = SessionFormat.Closed, ["consultas"] = SessionFormat.Consultations,
        ["открытое"] = SessionFormat.Open, ["закрытое"] = SessionFormat.Closed, ["консультации"] = SessionFormat.Consultations, ["арриа"] = SessionFormat.Arria,
        ["公开"] = SessionFormat.Open, ["非公开"] = SessionFormat.Closed, ["磋商"] = SessionFormat.Consultations, ["阿里亚"] = SessionFormat.Arria,
        ["علنية"] = SessionFormat.Open, ["مغلقة"] = SessionFormat.Closed, ["مشاورات"] = SessionFormat.Consultations, ["آريا"] = SessionFormat.Arria,
    };

    public static string ToName(SessionFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Whether non-members (briefers, observers) may take part: only in Arria-formula meetings.</summary>
    public static bool AdmitsObservers(SessionFormat format) => format == SessionFormat.Arria;

    /// <summary>
    /// Formal meetings and consultations are convened by the chair (see <see cref="Permissions.MayChair"/>).
    /// An Arria-formula meeting is convened by a member delegation (its head or deputy), never in the
    /// presidency's capacity: the presiding delegation may convene one, but as a member like any other.
    /// </summary>
    public static Verdict MayConvene(SessionFormat format, Actor actor, string presidentCode)
    {
        if (format != SessionFormat.Arria)
        {
            return Permissions.MayChair(actor, presidentCode);
        }

        return actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.ArriaConvenedByMember);
    }
}
