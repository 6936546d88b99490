using CoordBot.Domain;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Redeems an invitation token (<c>/start &lt;token&gt;</c>, <c>/join &lt;token&gt;</c>): decides, records the
/// membership and the audit entry, and says what happened as an <see cref="Outcome{TAccepted, TRefused}"/>;
/// <see cref="DelegationsText"/> writes the words.
/// </summary>
public sealed class InvitationRedeemer(Menus.PersonalMenus menus)
{
    public async Task<Outcome<Joined, JoinRefusal>> RedeemAsync(UpdateContext update, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.IsPrivate)
        {
            return Refuse(JoinRefusalCode.NotPrivate);
        }

        var db = update.Db;
        var now = update.NowUtc;
        var invitation = token.Length is > 0 and <= 64 ? await db.Invitations.FindAsync([token], cancellationToken) : null;
        if (invitation is null)
        {
            return Refuse(JoinRefusalCode.UnknownToken);
        }

        var check = InvitationRules.CanRedeem(invitation.CreatedAt, invitation.UsedAt, now);
        if (!check.CanRedeem)
        {
            return Refuse(check.Status == InvitationStatus.AlreadyUsed ? JoinRefusalCode.AlreadyUsed : JoinRefusalCode.Expired);
        }

        var actor = update.Actor;
        if (actor.DelegationCode is { } current)
        {
            return string.Equals(current, invitation.DelegationCode, StringComparison.Ordinal)
                ? Refuse(JoinRefusalCode.AlreadyMemberThere, current)
                : Refuse(JoinRefusalCode.MemberElsewhere, current);
        }

        if (invitation.Role == DelegationRole.Head
            && await db.Memberships.AnyAsync(m => m.DelegationCode == invitation.DelegationCode && m.Role == DelegationRole.Head && m.EndedAt == null, cancellationToken))
        {
            return Refuse(JoinRefusalCode.HeadTaken, invitation.DelegationCode);
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
        menus.RefreshPerson(actor.UserId, invitation.DelegationCode);
        update.Audit("membership.joined", $"user {actor.UserId} joined {invitation.DelegationCode} as {invitation.Role} (invited by {invitation.CreatedBy})");
        return Outcome<Joined, JoinRefusal>.Accept(new Joined(invitation.DelegationCode, invitation.Role, invitation.CreatedBy));
    }

    private static Outcome<Joined, JoinRefusal> Refuse(JoinRefusalCode code, string? delegationCode = null) =>
        Outcome<Joined, JoinRefusal>.Refuse(new JoinRefusal(code, delegationCode));
}
