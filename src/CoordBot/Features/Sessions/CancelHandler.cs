using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/cancel S&lt;n&gt;</c>: cancels a session; its reminders are removed and everyone is told.</summary>
internal sealed class CancelHandler(SessionReminders reminders, SessionNotifier notifier) : ICommandHandler
{
    private const string Usage = "/cancel S&lt;n&gt;";

    public CommandInfo Info { get; } = new("cancel", "/cancel S<n>", "Cancel a session (chair or convenor)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count != 1)
        {
            context.Reply($"Usage: {Usage}, for example /cancel S3");
            return;
        }

        var session = await SessionAccess.FindVisibleAsync(context, words[0], Usage, cancellationToken);
        if (session is null)
        {
            return;
        }

        if (!SessionAccess.MayManage(session, context.Actor))
        {
            context.Reply($"Only {Html.Escape(SessionAccess.WhoManages(session))} may cancel {session.Label}.");
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
