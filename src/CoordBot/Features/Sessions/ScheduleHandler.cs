using System.Globalization;
using CoordBot.Domain.Input;
using CoordBot.Domain.Sessions;
using CoordBot.Telegram.Guides;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary><c>/schedule &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [zone] &lt;format&gt; [&lt;minutes&gt;m] &lt;title&gt;</c>: a new session, announced to every delegation.</summary>
internal sealed class ScheduleHandler(SessionReminders reminders, SessionNotifier notifier, GuideRunner guides) : Command<string>
{
    public override CommandInfo Info { get; } = new(
        "schedule",
        "/schedule <yyyy-mm-dd> <HH:mm> [IANA zone] <open|closed|consultations|arria> [<minutes>m] <title>",
        "Schedule a session (the chair; an Arria-formula meeting: any head or deputy)")
    {
        Rule = SessionRules.RunSessions,
        Where = ChatScope.CouncilChat,
        Example = "/schedule 2026-12-01 10:00 America/New_York closed 90m Situation in the Middle East",
    };

    // ScheduleRequest reads the words itself, so that its replies can say which part is wrong.
    protected override string Parse(ArgReader args) => args.Rest(optional: true);

    protected override async Task ExecuteAsync(CommandContext context, string args, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var language = context.Update.Language;

        // The reader's own date and time words, as the guide's steps read them; English is understood in every language.
        var parsed = ScheduleRequest.Parse(words, actor.TimeZone, context.Update.NowUtc, InputWords.Dates(language), InputWords.Times(language));
        if (!parsed.TryGetValue(out var request))
        {
            var why = context.Text("Sessions.CouldNotSchedule", WhenText.Why(language, parsed.Refusal!), Html.Escape(Info.UsageIn(language)), WhenText.Example(language));
            if (!await AskWhichDateAsync(context, words, why, cancellationToken))
            {
                context.Reply(why);
            }

            return;
        }

        var verdict = SessionFormats.MayConvene(request.Format, actor, actor.PresidentCode ?? string.Empty);
        if (!Access.Allowed(context, verdict))
        {
            return;
        }

        var now = context.Update.NowUtc;
        var session = new Session
        {
            Title = request.Title,
            Format = request.Format,
            StartUtc = request.StartUtc,
            DurationMinutes = request.DurationMinutes,
            ZoneId = request.ZoneId,
            ConvenorCode = request.Format == SessionFormat.Arria ? actor.DelegationCode : null,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        var db = context.Update.Db;
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken); // the id, inside the update's transaction
        context.Update.Audit("session.scheduled", $"{session.Label} {request.Format} at {request.StartUtc:O} ({request.ZoneId})");

        var note = request.Note is null ? string.Empty : "\n" + context.Text("Sessions.Note", WhenText.Note(language, request.Note, request.Twice, request.ZoneId));
        context.Update.Reply(
            context.Text("Sessions.Scheduled", SessionRendering.Headline(session, language)) + "\n" +
            context.Text("Sessions.Starts", Dates.InZoneAndUtc(language, session.StartUtc, actor.TimeZone)) +
            (request.ZoneId == actor.TimeZone ? string.Empty : "\n" + context.Text("Sessions.AsSet", Dates.InZone(language, session.StartUtc, request.ZoneId))) +
            SessionRendering.ReadAs(request.ReadAs, session.StartUtc, request.ZoneId, language) +
            note +
            "\n" + context.Text("Sessions.EveryoneToldAddAgenda", session.Label),
            SessionHandler.Actions(context.Update, session));
        await notifier.AnnounceAsync(db, context.Update.Outbox, session, SessionChange.Scheduled, null, cancellationToken);

        // A job that fires before this transaction commits waits for the write gate, then reads the committed row;
        // if the transaction fails, the job finds no session and does nothing.
        await reminders.EnsureAsync(session.Id, session.StartUtc, [], now, announcedUtc: now, cancellationToken);
    }

    /// <summary>
    /// A date that reads two ways (12/03) with the rest of the line in order: the reply that says so (<paramref name="why"/>)
    /// also offers the two readings as buttons; the schedule guide takes over at its day step, the other answers filled in,
    /// and a press leads to the summary to confirm.
    /// </summary>
    private async Task<bool> AskWhichDateAsync(CommandContext context, string[] words, string why, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var now = context.Update.NowUtc;
        var today = DateOnly.FromDateTime(Dates.LocalNow(now, actor.TimeZone));
        var language = context.Update.Language;
        if (words.Length == 0 || DateWords.Read(words, 0, today, InputWords.Dates(language)) is not { IsAmbiguous: true, Consumed: 1, Date: { } first, Other: { } second }
            || guides.Find(Info.Name) is not { } guide)
        {
            return false;
        }

        foreach (var reading in new[] { first, second })
        {
            var resolved = (string[])words.Clone();
            resolved[0] = reading.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (ScheduleRequest.Parse(resolved, actor.TimeZone, now, InputWords.Dates(language), InputWords.Times(language)).TryGetValue(out var request))
            {
                // The guide's answers are the words of the typed form: the time (with its zone if not the author's), the format, the title (with its length if given).
                var local = Dates.LocalNow(request.StartUtc, request.ZoneId).ToString("HH:mm", CultureInfo.InvariantCulture);
                var time = request.ZoneId == actor.TimeZone ? local : $"{local} {request.ZoneId}";
                var title = request.DurationMinutes == ScheduleRequest.DefaultMinutes ? request.Title : $"{request.DurationMinutes.ToString(CultureInfo.InvariantCulture)}m {request.Title}";
                await guides.StartWithAsync(
                    context.Update, guide, [string.Empty, time, SessionFormats.ToName(request.Format), title], 0,
                    why, SessionGuideSteps.Readings(language, first, second), cancellationToken);
                return true;
            }
        }

        return false;
    }
}
