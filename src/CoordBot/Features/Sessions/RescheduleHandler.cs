using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/reschedule S&lt;n&gt; &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [zone]</c>: moves a session; its reminders move with it and everyone is told.</summary>
internal sealed class RescheduleHandler(SessionReminders reminders, SessionNotifier notifier, GuideRunner guides) : Command<RescheduleHandler.Arguments>
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("reschedule", "/reschedule S<n> <yyyy-mm-dd> <HH:mm> [IANA zone]", "Move a session (chair or convenor)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/reschedule S3 2026-12-02 15:00 Europe/Tallinn",
    };

    public override CommandInfo Info => Declaration;

    // The date, time and zone stay words: ScheduleRequest.When reads them, so that its reply says which part is wrong.
    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'S'), args.Rest(optional: true));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        if (await SessionAccess.FindForAsync(context, Info, args.Session, cancellationToken) is not { } session)
        {
            return;
        }

        if (!SessionAccess.MayManage(session, context.Actor))
        {
            context.Reply(SessionsText.MayNotManage(session, "Move", context.Update.Language));
            return;
        }

        var now = context.Update.NowUtc;
        if (!SessionAccess.IsMovable(session, now))
        {
            context.Reply(context.Text(session.CancelledAt is not null ? "Sessions.CannotMoveCancelled" : "Sessions.CannotMoveStarted", session.Label));
            return;
        }

        if (args.When.Length == 0 && guides.Find(Info.Name) is { } guide)
        {
            // The session alone (its Reschedule button): the guide asks the new day and time, the session already chosen.
            await guides.StartWithAsync(context.Update, guide, [session.Label], 1, null, null, cancellationToken);
            return;
        }

        var words = args.When.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var language = context.Update.Language;
        var when = ScheduleRequest.When(words, 0, context.Actor.TimeZone, now, zoneAlone: true, out var consumed, InputWords.Dates(language), InputWords.Times(language));
        if (!when.IsAccepted || consumed != words.Length)
        {
            var rest = string.Join(' ', words.Skip(consumed));
            var why = when.Refusal ?? new WhenProblem(WhenProblemCode.NotAZone, $"\"{rest}\" is not a time zone") { Typed = rest };
            context.Reply(context.Text("Sessions.CouldNotMove", session.Label, WhenText.Why(language, why), Html.Escape(Info.UsageIn(language))));
            return;
        }

        var (startUtc, zoneId, note, readAs) = when.Value!;
        if (startUtc <= now)
        {
            context.Reply(context.Text("Sessions.MoveInPast", session.Label, Dates.InZone(language, startUtc, zoneId)));
            return;
        }

        if (startUtc == session.StartUtc)
        {
            context.Reply(context.Text("Sessions.AlreadyStartsThen", session.Label, Dates.InZoneAndUtc(language, startUtc, context.Actor.TimeZone)));
            return;
        }

        var db = context.Update.Db;
        var tracked = await db.Sessions.SingleAsync(s => s.Id == session.Id, cancellationToken);
        var previous = tracked.StartUtc;
        tracked.StartUtc = startUtc;
        tracked.ZoneId = zoneId;
        context.Update.Audit("session.moved", $"{tracked.Label} from {previous:O} to {startUtc:O} ({zoneId})");
        context.Reply(
            context.Text("Sessions.Moved", SessionRendering.Headline(tracked, language), Dates.InZoneAndUtc(language, startUtc, context.Actor.TimeZone)) +
            SessionRendering.ReadAs(readAs, startUtc, zoneId, language) +
            (note is null ? string.Empty : "\n" + context.Text("Sessions.Note", WhenText.Note(language, note, when.Value!.Twice, zoneId))) +
            "\n" + context.Text("Sessions.RemindersMoved"));
        await notifier.AnnounceAsync(db, context.Update.Outbox, tracked, SessionChange.Moved, previous, cancellationToken);
        await reminders.RemoveAsync(tracked.Id, cancellationToken);
        await reminders.EnsureAsync(tracked.Id, startUtc, [], now, announcedUtc: now, cancellationToken);
    }

    internal sealed record Arguments(EntityRef Session, string When);
}
