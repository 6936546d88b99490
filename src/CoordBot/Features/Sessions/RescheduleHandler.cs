using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/reschedule S&lt;n&gt; &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [zone]</c>: moves a session; its reminders move with it and everyone is told.</summary>
internal sealed class RescheduleHandler(SessionReminders reminders, SessionNotifier notifier) : ICommandHandler
{
    private const string Usage = "/reschedule S&lt;n&gt; &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [IANA zone]";

    public CommandInfo Info { get; } = new("reschedule", "/reschedule S<n> <yyyy-mm-dd> <HH:mm> [IANA zone]", "Move a session (chair or convenor)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count is < 3 or > 4)
        {
            context.Reply($"Usage: {Usage}, for example /reschedule S3 2026-12-02 15:00 Europe/Tallinn");
            return;
        }

        var session = await SessionAccess.FindVisibleAsync(context, words[0], Usage, cancellationToken);
        if (session is null)
        {
            return;
        }

        if (!SessionAccess.MayManage(session, context.Actor))
        {
            context.Reply($"Only {Html.Escape(SessionAccess.WhoManages(session))} may move {session.Label}.");
            return;
        }

        var now = context.Update.NowUtc;
        if (session.CancelledAt is not null || session.StartUtc <= now)
        {
            context.Reply($"{session.Label} is {(session.CancelledAt is not null ? "cancelled" : "already under way or over")}, so it cannot be moved. Schedule a new session instead.");
            return;
        }

        var when = ScheduleRequest.When(words[1], words[2], words.Count > 3 ? words[3] : null, context.Actor.TimeZone, out var consumed);
        if (!when.IsSuccess || consumed + 3 != words.Count)
        {
            var why = when.IsSuccess ? $"\"{words[3]}\" is not a time zone" : when.Error;
            context.Reply($"I could not move {session.Label}: {Html.Escape(why)}.\nUsage: {Usage}");
            return;
        }

        var (startUtc, zoneId, note) = when.Value;
        if (startUtc <= now)
        {
            context.Reply($"I could not move {session.Label}: {TimeDisplay.InZone(startUtc, zoneId)} is in the past. Choose a time still to come.");
            return;
        }

        if (startUtc == session.StartUtc)
        {
            context.Reply($"{session.Label} already starts then: {TimeDisplay.InZoneAndUtc(startUtc, context.Actor.TimeZone)}. Nothing changed.");
            return;
        }

        var db = context.Update.Db;
        var tracked = await db.Sessions.SingleAsync(s => s.Id == session.Id, cancellationToken);
        var previous = tracked.StartUtc;
        tracked.StartUtc = startUtc;
        tracked.ZoneId = zoneId;
        context.Update.Audit("session.moved", $"{tracked.Label} from {previous:O} to {startUtc:O} ({zoneId})");
        context.Reply(
            $"Moved {SessionRendering.Headline(tracked)}.\nNow starts: {TimeDisplay.InZoneAndUtc(startUtc, context.Actor.TimeZone)}" +
            (note is null ? string.Empty : $"\nNote: {Html.Escape(note)}") +
            "\nIts reminders moved with it and every delegation is told.");
        await notifier.AnnounceAsync(db, context.Update.Outbox, tracked, SessionChange.Moved, previous, cancellationToken);
        await reminders.RemoveAsync(tracked.Id, cancellationToken);
        await reminders.EnsureAsync(tracked.Id, startUtc, [], now, cancellationToken);
    }
}
