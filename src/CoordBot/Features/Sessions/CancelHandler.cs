using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/cancel S&lt;n&gt;</c>: cancels a session; its reminders are removed and everyone is told.</summary>
internal sealed class CancelHandler(SessionReminders reminders, SessionNotifier notifier) : SessionCommand
{
    public override CommandInfo Info { get; } = new("cancel", "/cancel S<n>", "Cancel a session (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/cancel S3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        if (!SessionAccess.MayManage(session, context.Actor))
        {
            context.Reply(SessionsText.MayNotManage(session, $"cancel {session.Label}"));
            return;
        }

        var now = context.Update.NowUtc;
        if (session.CancelledAt is not null)
        {
            context.Reply($"{session.Label} is already cancelled.");
            return;
        }

        if (session.EndUtc <= now)
        {
            context.Reply($"{session.Label} is over; there is nothing to cancel.");
            return;
        }

        var db = context.Update.Db;
        var tracked = await db.Sessions.SingleAsync(s => s.Id == session.Id, cancellationToken);
        tracked.CancelledAt = now;
        context.Update.Audit("session.cancelled", tracked.Label);
        context.Reply($"Cancelled {SessionRendering.Headline(tracked)}. Its reminders are removed and every delegation is told.");
        await notifier.AnnounceAsync(db, context.Update.Outbox, tracked, SessionChange.Cancelled, null, cancellationToken);
        await reminders.RemoveAsync(tracked.Id, cancellationToken);
    }
}
