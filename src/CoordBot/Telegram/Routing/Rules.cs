using CoordBot.Domain;
using CoordBot.Domain.Membership;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// The rules a command can declare: each is a rule of the domain's <see cref="Permissions"/>, applied to the
/// sender as the router knows them. A rule sees only who is asking (no lookup), so it can be checked before
/// anything is read, and /help can ask it of every command.
/// </summary>
public static class Rules
{
    public static readonly Func<Actor, Verdict> Anyone = a => Permissions.Anyone(a);

    /// <summary>Any member of a delegation (observers included) or an operator.</summary>
    public static readonly Func<Actor, Verdict> Member = a => Permissions.MaySeeCouncilBusiness(a);

    public static readonly Func<Actor, Verdict> Operator = a => Permissions.MayOperate(a);

    public static readonly Func<Actor, Verdict> HeadOrDeputy = a => Permissions.IsHeadOrDeputy(a);

    /// <summary>The head or deputy of the delegation presiding this month, or an operator.</summary>
    public static readonly Func<Actor, Verdict> Chair = a => Permissions.MayActAsChair(a, a.PresidentCode);

    /// <summary>Whoever may cast a delegation's ballot (the ballot buttons; anyone else is told it was not recorded).</summary>
    public static readonly Func<Actor, Verdict> Voter = a => Permissions.MayCastBallot(a);

    /// <summary>
    /// Choosing a language: one's own in a private chat; in a linked group the group's, by an operator or the head or
    /// deputy of the group's own delegation.
    /// </summary>
    public static readonly Func<Actor, Verdict> LanguageHere = a =>
        a.ChatDelegationCode is { } group ? Permissions.MayChooseGroupLanguage(a, group) : Permissions.Anyone(a);

    /// <summary>Any pure rule over the domain's actor, e.g. <c>Rules.Of(Permissions.MayCreateDraft)</c>.</summary>
    public static Func<Actor, Verdict> Of(Func<Actor, Verdict> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule;
    }
}
