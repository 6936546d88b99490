using System.Text;
using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/delegation [CODE]</c>: the members of one delegation (default: mine) and their roles.</summary>
internal sealed class DelegationHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("delegation", "/delegation [CODE]", "The members of a delegation and their roles", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        var code = words.Count > 0 ? words[0].ToUpperInvariant() : context.Actor.DelegationCode;
        if (code is null)
        {
            context.Reply("Which delegation? Send /delegation followed by its code, for example /delegation EST (see /delegations).");
            return;
        }

        if (!council.Council.IsMember(code))
        {
            context.Reply($"{Html.Escape(code)} is not a member of the council. Send /delegations to see the codes.");
            return;
        }

        var db = context.Update.Db;
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.DelegationCode == code && m.EndedAt == null)
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.UserId, m.Role, p.DisplayName, p.Username, m.JoinedAt })
            .ToListAsync(cancellationToken);
        var group = await db.DelegationGroups.AsNoTracking().SingleOrDefaultAsync(g => g.DelegationCode == code, cancellationToken);

        var text = new StringBuilder($"<b>{Html.Escape(council.Council.NameOf(code))}</b> ({code}), {(council.Council.IsPermanent(code) ? "permanent" : "elected")} member\n");
        if (members.Count == 0)
        {
            text.Append("No members have joined yet.\n");
        }

        foreach (var member in members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt))
        {
            text.Append($"{RoleNames.Describe(member.Role)}: {Html.Escape(member.DisplayName)}")
                .Append(member.Username is null ? string.Empty : $" (@{Html.Escape(member.Username)})")
                .Append($", id {member.UserId}\n");
        }

        text.Append(group is null ? "No group linked." : $"Group linked: {Html.Escape(group.Title ?? "(untitled)")}");
        context.Reply(text.ToString());
    }
}
