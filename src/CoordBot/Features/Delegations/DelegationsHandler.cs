using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/delegations</c>: every delegation with its head and whether a group is linked.</summary>
internal sealed class DelegationsHandler(CouncilProvider council) : Command
{
    public override CommandInfo Info { get; } = new("delegations", "/delegations", "Every delegation: code, head, linked group") { Rule = Rules.Member, Where = ChatScope.CouncilChat };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var heads = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && m.Role == DelegationRole.Head)
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.DelegationCode, p.DisplayName })
            .ToDictionaryAsync(x => x.DelegationCode, x => x.DisplayName, cancellationToken);
        var groups = await db.DelegationGroups.AsNoTracking().Select(g => g.DelegationCode).ToListAsync(cancellationToken);

        var language = context.Update.Language;
        var text = new StringBuilder($"<b>{Html.Escape(council.Council.Name)}</b>\n");
        foreach (var member in council.Council.Members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(context.Text(
                    "Delegations.Row",
                    Html.Code(member.Code),
                    Html.Escape(member.NameIn(language)),
                    Catalogue.Text(language, member.Permanent ? "Member.Permanent" : "Member.Elected"),
                    heads.TryGetValue(member.Code, out var head) ? Html.Escape(head) : Catalogue.Text(language, "Delegations.NoHead"),
                    Catalogue.Text(language, groups.Contains(member.Code) ? "Delegations.GroupLinked" : "Delegations.NoGroup")))
                .Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
