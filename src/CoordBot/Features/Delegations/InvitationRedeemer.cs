using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>Redeems an invitation token for <c>/start &lt;token&gt;</c> and <c>/join &lt;token&gt;</c>.</summary>
public sealed class InvitationRedeemer(CouncilProvider council)
{
    public async Task RedeemAsync(CommandContext context, string token, CancellationToken cancellationToken)
    {
        if (!context.Update.IsPrivate)
        {
            context.Reply("Please redeem an invitation in a private chat with me, so the link stays yours.");
            return;
        }

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var invitation = token.Length is > 0 and <= 64 ? await db.Invitations.FindAsync([token], cancellationToken) : null;
        if (invitation is null)
        {
            context.Reply("That invitation is not known. Check that you copied the whole link, or ask for a new invitation.");
            return;
        }

        var check = InvitationRules.CanRedeem(invitation.CreatedAt, invitation.UsedAt, now);
        if (!check.CanRedeem)
        {
            context.Reply(Html.Escape(check.Message));
            return;
        }

        var actor = context.Actor;
        var delegationName = council.Council.NameOf(invitation.DelegationCode);
        if (actor.DelegationCode is { } current)
        {
            context.Reply(string.Equals(current, invitation.DelegationCode, StringComparison.Ordinal)
                ? $"You are already a member of the delegation of {Html.Escape(delegationName)}. The invitation was not used."
                : $"You are a member of the delegation of {Html.Escape(council.Council.NameOf(current))}. A person belongs to one delegation at a time: ask its head or an operator to remove you first. The invitation was not used.");
            return;
        }

        if (invitation.Role == DelegationRole.Head
            && await db.Memberships.AnyAsync(m => m.DelegationCode == invitation.DelegationCode && m.Role == DelegationRole.Head && m.EndedAt == null, cancellationToken))
        {
            context.Reply($"{Html.Escape(delegationName)} already has a head of delegation. An operator must remove the current head first. The invitation was not used.");
            return;
        }

        invitation.UsedAt = now;
        invitation.UsedBy = actor.UserId;
        db.Memberships.Add(new Membership
        {
            UserId = actor.UserId,
            DelegationCode = invitation.DelegationCode,
            Role = invitation.Role,
            JoinedAt = now,
            InvitedBy = invitation.CreatedBy,
        });
        context.Update.Audit("membership.joined", $"user {actor.UserId} joined {invitation.DelegationCode} as {invitation.Role} (invited by {invitation.CreatedBy})");
        context.Reply($"Welcome to the delegation of <b>{Html.Escape(delegationName)}</b>, {Html.Escape(actor.DisplayName)}. You are its {RoleNames.Describe(invitation.Role)}.\nSend /help to see what you can do, and /timezone to have times shown in your own zone.");
        context.Update.Outbox.Send(invitation.CreatedBy, $"{Html.Escape(actor.DisplayName)} accepted your invitation and joined {Html.Escape(delegationName)} as {RoleNames.Describe(invitation.Role)}.");
    }
}
