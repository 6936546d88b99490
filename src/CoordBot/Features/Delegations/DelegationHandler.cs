using System.Text;
using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/delegation [CODE]</c>: the members of one delegation (default: mine) and their roles.</summary>
internal sealed class DelegationHandler(CouncilProvider council, DelegationsText words) : Command<string?>
{
    public override CommandInfo Info { get; } = new("delegation", "/delegation [CODE]", "The members of a delegation and their roles")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/delegation EST",
    };

    protected override string? Parse(ArgReader args) => args.OptionalCode();

    protected override async Task ExecuteAsync(CommandContext context, string? requested, CancellationToken cancellationToken)
    {
        var code = requested ?? context.Actor.DelegationCode;
        if (code is null)
        {
            context.Reply("Which delegation? Send /delegation followed by its code, for example /delegation EST (see /delegations).");
            return;
        }

        if (!council.Council.IsMember(code))
        {
            context.Reply(words.NotACouncilMember(code));
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
