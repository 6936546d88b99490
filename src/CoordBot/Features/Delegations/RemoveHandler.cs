using System.Globalization;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/remove &lt;CODE&gt; &lt;user id&gt;</c>: ends a membership; the person is told.</summary>
internal sealed class RemoveHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("remove", "/remove <CODE> <user id>", "End someone's membership of a delegation", a => a.IsOperator || a.Role == DelegationRole.Head);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Before any lookup: who belongs where is not for everyone to probe.
        if (!context.Actor.IsOperator && context.Actor.Role != DelegationRole.Head)
        {
            context.Reply("Only an operator, or the head of a delegation for its own members, may end a membership.");
            return;
        }

        if (context.Command.Words is not [var codeText, var idText] || !long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId))
        {
            context.Reply("Usage: /remove &lt;CODE&gt; &lt;user id&gt;, for example /remove EST 123456789 (the ids are listed by /delegation EST).");
            return;
        }

        var code = codeText.ToUpperInvariant();
        var db = context.Update.Db;
        var membership = council.Council.IsMember(code)
            ? await db.Memberships.SingleOrDefaultAsync(m => m.DelegationCode == code && m.UserId == userId && m.EndedAt == null, cancellationToken)
            : null;
        if (membership is null)
        {
            context.Reply($"User {userId} is not a member of the delegation {Html.Escape(code)}. Check the ids with /delegation {Html.Escape(code)}.");
            return;
        }

        if (!Access.Allowed(context, Permissions.MayRemove(context.Actor.Rights, code, membership.Role)))
        {
            return;
        }

        membership.EndedAt = context.Update.NowUtc;
        membership.EndedBy = context.Actor.UserId;
        context.Update.Audit("membership.removed", $"user {userId} removed from {code} ({membership.Role}) by {context.Actor.UserId}");
        var name = council.Council.NameOf(code);
        context.Reply($"User {userId} is no longer {RoleNames.Describe(membership.Role)} of {Html.Escape(name)}. Their access ended now.");
        context.Update.Outbox.Send(userId, $"Your membership of the delegation of {Html.Escape(name)} has ended. You no longer have access to the council's business through this bot.");
    }
}
