using Microsoft.EntityFrameworkCore;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Dashboard;

/// <summary><c>/today</c>: what needs this person now (ballots, silences, sessions, items, amendments), each line with its buttons.</summary>
internal sealed class TodayHandler(Dashboard dashboard, CoordBot.Council.CouncilProvider council, CoordBot.Features.Delegations.PresidencyService presidency) : Command
{
    public override CommandInfo Info { get; } = new("today", "/today", "What needs you now: ballots, silences, sessions, items, amendments")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var update = context.Update;
        var userId = context.Actor.UserId;
        var memberships = !council.IsMultiBody || !update.IsPrivate ? [] : await update.Db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.EndedAt == null)
            .Select(m => new { m.BodyId, m.DelegationCode, m.Role })
            .ToListAsync(cancellationToken);
        if (memberships.Count < 2)
        {
            var (html, buttons) = await dashboard.ShowAsync(update, cancellationToken);
            update.Reply(html, buttons);
            return;
        }

        // A person in several bodies (issue 25): one part per body, in the configured order, each under the body's short name.
        var parts = new List<string>();
        var rows = new List<IReadOnlyList<CoordBot.Telegram.Rendering.Button>>();
        foreach (var body in council.Bodies)
        {
            if (memberships.FirstOrDefault(m => m.BodyId == body.Id) is not { } membership)
            {
                continue;
            }

            using var scope = CoordBot.Persistence.BodyScope.Enter(body.Id);
            var president = await presidency.PresidentCodeAsync(update.Db, update.NowUtc, cancellationToken);
            var actor = context.Actor with { DelegationCode = membership.DelegationCode, Role = membership.Role, PresidentCode = president };
            var (html, buttons) = await dashboard.ShowForAsync(update, actor, cancellationToken);
            parts.Add($"<b>[{CoordBot.Telegram.Rendering.Html.Escape(body.Council.ShortNameIn(update.Language))}]</b>\n{html}");
            rows.AddRange(buttons ?? []);
        }

        update.Reply(string.Join("\n\n", parts), rows.Count == 0 ? null : rows);
    }
}
