using CoordBot.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Bodies;

/// <summary>
/// <c>/bodies</c> (issue 25): every body served here with its key, name, chair this month and number of members; what
/// is open (drafts, votes, sessions ahead) only for the bodies the person sits on (an operator: all), so nothing of a
/// body's business reaches a member of another.
/// </summary>
internal sealed class BodiesHandler(CouncilProvider council, PresidencyService presidency) : Command
{
    public override CommandInfo Info { get; } = new("bodies", "/bodies", "The bodies served here: chair, members, what is open")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var update = context.Update;
        var language = update.Language;
        var db = update.Db;
        var userId = context.Actor.UserId;
        var roles = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.EndedAt == null)
            .Select(m => new { m.BodyId, m.DelegationCode, m.Role })
            .ToListAsync(cancellationToken);
        var lines = new List<string> { Catalogue.Text(language, "Bodies.Heading") };
        foreach (var body in council.Bodies)
        {
            using var scope = BodyScope.Enter(body.Id);
            var chair = await presidency.PresidentCodeAsync(db, update.NowUtc, cancellationToken);
            var line = Catalogue.Format(
                language,
                "Bodies.Line",
                Html.Escape(body.Council.ShortNameIn(language)),
                Html.Escape(body.Key),
                Html.Escape(body.Council.NameIn(language)),
                Html.Escape(body.Council.NameOf(chair, language)),
                body.Council.Members.Count);
            var mine = roles.FirstOrDefault(r => r.BodyId == body.Id);
            if (mine is not null)
            {
                line += " " + Catalogue.Format(language, "Bodies.Yours", Html.Escape($"{body.Council.NameOf(mine.DelegationCode, language)}, {RoleNames.Describe(mine.Role, language)}"));
            }

            if (mine is not null || context.Actor.IsOperator)
            {
                var drafts = await db.Drafts.CountAsync(d => d.Status != DraftStatus.Adopted && d.Status != DraftStatus.NotAdopted && d.Status != DraftStatus.Withdrawn, cancellationToken);
                var votes = await db.Votes.CountAsync(v => v.ClosedAt == null, cancellationToken);
                var sessions = await db.Sessions.CountAsync(s => s.CancelledAt == null && s.StartUtc >= update.NowUtc, cancellationToken);
                line += "\n" + Catalogue.Format(language, "Bodies.Open", drafts, votes, sessions);
            }

            lines.Add(line);
        }

        update.Reply(string.Join("\n\n", lines));
    }
}
