using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>The words of the Delegations feature: outcomes in, HTML out (user text escaped here).</summary>
public sealed class DelegationsText(CouncilProvider council)
{
    private string Name(string code) => Html.Escape(council.Council.NameOf(code));

    /// <summary>The reply to the person redeeming an invitation.</summary>
    public string Join(Outcome<Joined, JoinRefusal> outcome, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        return outcome.Match(
            joined => $"Welcome to the delegation of <b>{Name(joined.DelegationCode)}</b>, {Html.Escape(actor.DisplayName)}. You are its {RoleNames.Describe(joined.Role)}.\nSend /help to see what you can do, and /timezone to have times shown in your own zone.",
            refusal => refusal.Code switch
            {
                JoinRefusalCode.NotPrivate => "Please redeem an invitation in a private chat with me, so the link stays yours.",
                JoinRefusalCode.UnknownToken => "That invitation is not known. Check that you copied the whole link, or ask for a new invitation.",
                JoinRefusalCode.AlreadyUsed => "This invitation has already been used; ask for a new one.",
                JoinRefusalCode.Expired => "This invitation has expired (invitations are valid for 72 hours); ask for a new one.",
                JoinRefusalCode.AlreadyMemberThere => $"You are already a member of the delegation of {Name(refusal.DelegationCode!)}. The invitation was not used.",
                JoinRefusalCode.MemberElsewhere => $"You are a member of the delegation of {Name(refusal.DelegationCode!)}. A person belongs to one delegation at a time: ask its head or an operator to remove you first. The invitation was not used.",
                JoinRefusalCode.HeadTaken => $"{Name(refusal.DelegationCode!)} already has a head of delegation. An operator must remove the current head first. The invitation was not used.",
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), refusal.Code, "A refusal without words"),
            });
    }

    /// <summary>The note to whoever issued the invitation that was just redeemed.</summary>
    public string InviterNote(Joined joined, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(actor);
        return $"{Html.Escape(actor.DisplayName)} accepted your invitation and joined {Name(joined.DelegationCode)} as {RoleNames.Describe(joined.Role)}.";
    }

    /// <summary>A code that names no member of the council.</summary>
    public string NotACouncilMember(string typed) => $"{Html.Escape(typed)} is not a member of the council. Send /delegations to see the codes.";
}
