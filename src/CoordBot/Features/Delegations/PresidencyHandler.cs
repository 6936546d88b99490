using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/presidency</c>: this month's and the next two presidents, with the chair's name.</summary>
internal sealed class PresidencyHandler(CouncilProvider council, PresidencyService presidency) : Command
{
    public override CommandInfo Info { get; } = new("presidency", "/presidency", "Who presides this month and the next two") { Rule = Rules.Member, Where = ChatScope.CouncilChat };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var rotation = await presidency.RotationAsync(db, cancellationToken);
        var terms = rotation.Upcoming(now.Year, now.Month, 3);
        var codes = terms.Select(t => t.Code).ToList();
        var heads = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && m.Role == DelegationRole.Head && codes.Contains(m.DelegationCode))
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.DelegationCode, p.DisplayName })
            .ToDictionaryAsync(x => x.DelegationCode, x => x.DisplayName, cancellationToken);

        var language = context.Update.Language;
        var text = new StringBuilder(context.Text("Presidency.Title")).Append('\n');
        foreach (var term in terms)
        {
            var month = Dates.MonthYear(language, new DateTime(term.Year, term.Month, 1, 0, 0, 0, DateTimeKind.Utc));
            var name = Html.Escape(council.Council.NameOf(term.Code, language));
            text.Append(heads.TryGetValue(term.Code, out var chair)
                    ? context.Text("Presidency.Chaired", month, name, Html.Escape(chair))
                    : context.Text("Presidency.NoHead", month, name))
                .Append(term.Overridden ? context.Text("Presidency.Overridden") : string.Empty)
                .Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
