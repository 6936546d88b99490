using System.Text;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/sessions</c>: upcoming (and running) sessions in the reader's zone, with the delegation's answer.</summary>
internal sealed class SessionsHandler : Command
{
    private const int Shown = 30;

    public override CommandInfo Info { get; } = new("sessions", "/sessions", "Upcoming sessions, in your time zone")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var actor = context.Actor;
        // Running sessions stay listed: "starts" can have passed while the meeting goes on.
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartUtc > now.AddDays(-1))
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);
        var sessions = candidates.Where(s => s.EndUtc > now && SessionAccess.CanSee(s, actor)).Take(Shown).ToList();
        if (sessions.Count == 0)
        {
            context.Reply("No sessions are scheduled.");
            return;
        }

        var ids = sessions.Select(s => s.Id).ToList();
        var answers = actor.DelegationCode is { } code
            ? await db.SessionAttendances.AsNoTracking().Where(a => ids.Contains(a.SessionId) && a.DelegationCode == code).ToDictionaryAsync(a => a.SessionId, a => a.Attends, cancellationToken)
            : [];
        var text = new StringBuilder($"Upcoming sessions (times in {Html.Escape(actor.TimeZone)}):");
        foreach (var session in sessions)
        {
            text.Append("\n\n").Append(SessionRendering.Headline(session))
                .Append('\n').Append(TimeDisplay.InZone(session.StartUtc, actor.TimeZone));
            if (session.StartUtc <= now)
            {
                text.Append(" (in progress)");
            }

            if (actor.DelegationCode is not null)
            {
                text.Append("\nYour delegation: ").Append(answers.TryGetValue(session.Id, out var yes) ? (yes ? "attends" : "does not attend") : "has not answered");
            }
        }

        context.Reply(text.ToString());
    }
}
