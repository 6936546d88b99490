using CoordBot.Localization;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/cancel S&lt;n&gt;</c>: cancels a session; its reminders are removed and everyone is told.</summary>
internal sealed class CancelHandler(SessionReminders reminders, SessionNotifier notifier) : SessionCommand
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("cancel", "/cancel S<n>", "Cancel a session (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/cancel S3",
    };

    public override CommandInfo Info => Declaration;

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        if (!SessionAccess.MayManage(session, context.Actor))
        {
            context.Reply(SessionsText.MayNotManage(session, "Cancel", context.Update.Language));
            return;
        }

        var now = context.Update.NowUtc;
        if (session.CancelledAt is not null)
        {
            context.Reply(context.Text("Sessions.AlreadyCancelled", session.Label));
            return;
        }

        if (session.EndUtc <= now)
        {
            context.Reply(context.Text("Sessions.NothingToCancel", session.Label));
            return;
        }

        var db = context.Update.Db;
        var tracked = await db.Sessions.SingleAsync(s => s.Id == session.Id, cancellationToken);
        tracked.CancelledAt = now;
        context.Update.Audit("session.cancelled", tracked.Label);
        context.Reply(context.Text("Sessions.CancelledReply", SessionRendering.Headline(tracked, context.Update.Language)));
        await notifier.AnnounceAsync(db, context.Update.Outbox, tracked, SessionChange.Cancelled, null, cancellationToken);
        await reminders.RemoveAsync(tracked.Id, cancellationToken);
    }
}
