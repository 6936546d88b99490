using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>The words of the Delegations feature: outcomes in, HTML out (user text escaped here).</summary>
public sealed class DelegationsText(CouncilProvider council)
{
    private string Name(string code, string language) => Html.Escape(council.Council.NameOf(code, language));

    /// <summary>
    /// The short name of the body in scope (the invitation's), in the reader's language, when the deployment serves several: a person in several
    /// bodies can tell which seat an invitation gives. Null for a single body, whose texts stay exactly as they were.
    /// </summary>
    private string? BodyName(string language) => council.IsMultiBody ? Html.Escape(council.Current.Council.ShortNameIn(language)) : null;

    /// <summary>The reply to the person redeeming an invitation, in <paramref name="language"/>.</summary>
    public string Join(Outcome<Joined, JoinRefusal> outcome, Actor actor, string language)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        return outcome.Match(
            joined => BodyName(language) is { } body
                ? Catalogue.Format(language, "Bodies3.Join.Welcome", Name(joined.DelegationCode, language), Html.Escape(actor.DisplayName), RoleNames.Describe(joined.Role, language), body)
                : Catalogue.Format(language, "Join.Welcome", Name(joined.DelegationCode, language), Html.Escape(actor.DisplayName), RoleNames.Describe(joined.Role, language)),
            refusal => refusal.Code switch
            {
                JoinRefusalCode.NotPrivate => Catalogue.Format(language, "Join.NotPrivate"),
                JoinRefusalCode.UnknownToken => Catalogue.Format(language, "Join.UnknownToken"),
                JoinRefusalCode.AlreadyUsed => Catalogue.Format(language, "Join.AlreadyUsed"),
                JoinRefusalCode.Expired => Catalogue.Format(language, "Join.Expired"),
                JoinRefusalCode.AlreadyMemberThere => Catalogue.Format(language, "Join.AlreadyMemberThere", Name(refusal.DelegationCode!, language)),
                JoinRefusalCode.MemberElsewhere => Catalogue.Format(language, "Join.MemberElsewhere", Name(refusal.DelegationCode!, language)),
                JoinRefusalCode.HeadTaken => Catalogue.Format(language, "Join.HeadTaken", Name(refusal.DelegationCode!, language)),
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), refusal.Code, "A refusal without words"),
            });
    }

    /// <summary>The note to whoever issued the invitation that was just redeemed, in their language.</summary>
    public string InviterNote(Joined joined, Actor actor, string language)
    {
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(actor);
        return BodyName(language) is { } body
            ? Catalogue.Format(language, "Bodies3.Join.InviterNote", Html.Escape(actor.DisplayName), Name(joined.DelegationCode, language), RoleNames.Describe(joined.Role, language), body)
            : Catalogue.Format(language, "Join.InviterNote", Html.Escape(actor.DisplayName), Name(joined.DelegationCode, language), RoleNames.Describe(joined.Role, language));
    }

    /// <summary>The reply to <c>/invite</c>: the seat, when the invitation expires, the link and the token (and the body, when there are several).</summary>
    public string Invitation(DelegationRole role, string code, string expires, string link, string token, string language)
    {
        object[] args = [RoleNames.Describe(role, language), Name(code, language), expires, Html.Escape(link), Html.Code(token)];
        return BodyName(language) is { } body
            ? Catalogue.Format(language, "Bodies3.Invite.Created", [.. args, body])
            : Catalogue.Format(language, "Invite.Created", args);
    }

    /// <summary>A code that names no member of the council.</summary>
    public string NotACouncilMember(string typed, string language) => Catalogue.Format(language, "Delegations.NotACouncilMember", Html.Escape(typed));
}
