using System.Globalization;
using CoordBot.Localization;
using CoordBot.Operations.Metrics;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CoordBot.Operations.Commands;

/// <summary>
/// <c>/status</c>: the operator's view of the running bot. The last errors are shown by kind and id only:
/// an exception message can quote what a user wrote, and this reply may be read over a shoulder.
/// </summary>
internal sealed class StatusHandler(CoordBotMetrics metrics, Backlog backlog, ISchedulerFactory schedulerFactory, CoordBot.Persistence.ISqlDialect dialect) : Command
{
    private const int LastErrors = 5;

    public override CommandInfo Info { get; } = new("status", "/status", "Health of the bot: backlog, jobs, database, last errors")
    {
        Rule = Rules.Operator,
        Where = ChatScope.Private, // backlog and errors are the operator's business, not a group's
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {

        var now = context.Update.NowUtc;
        var waiting = await backlog.ReadAsync(cancellationToken);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var jobs = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken)).Count;
        var db = context.Update.Db;
        var failedUpdates = await db.InboxUpdates.AsNoTracking().Where(u => u.Error != null).OrderByDescending(u => u.ProcessedAt).Take(LastErrors)
            .Select(u => new { u.UpdateId, u.ProcessedAt, u.Error }).ToListAsync(cancellationToken);
        var failedMessages = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed).OrderByDescending(m => m.Id).Take(LastErrors)
            .Select(m => new { m.Id, m.ChatId, m.LastError }).ToListAsync(cancellationToken);

        var language = context.Update.Language;
        var lines = new List<string>
        {
            Say("Ops.Status.Title"),
            Say("Ops.Status.Version", Html.Escape(typeof(StatusHandler).Assembly.GetName().Version?.ToString() ?? "?"), Dates.Utc(language, metrics.StartedAt.UtcDateTime), Duration(language, now - metrics.StartedAt.UtcDateTime)),
            // This /status is itself an update not yet marked handled (the mark commits with its reply).
            Say("Ops.Status.Updates", waiting.Updates, Oldest(language, waiting.OldestUpdate, now)),
            Say("Ops.Status.Messages", waiting.Messages, Oldest(language, waiting.OldestMessage, now)),
            Say("Ops.Status.LastTooManyRequests", metrics.LastTooManyRequestsAt is { } last ? Dates.Utc(language, last.UtcDateTime) : Say("Ops.Status.NoTooManyRequests")),
            Say("Ops.Status.Jobs", jobs),
            Say("Ops.Status.Database", Size(language, await dialect.SizeAsync(cancellationToken))),
        };
        lines.Add(failedUpdates.Count == 0 && failedMessages.Count == 0 ? Say("Ops.Status.NoErrors") : Say("Ops.Status.LastErrors"));
        // Only the exception's type: its message may quote a user's text.
        lines.AddRange(failedUpdates.Select(u => Say("Ops.Status.FailedUpdate", u.UpdateId, u.ProcessedAt is { } at ? Dates.Utc(language, at) : "?", Html.Escape(u.Error!.Split(':')[0]))));
        lines.AddRange(failedMessages.Select(m => Say("Ops.Status.FailedMessage", m.Id, m.ChatId.ToString(CultureInfo.InvariantCulture), Html.Escape(m.LastError ?? Say("Ops.Status.Failed")))));
        context.Reply(Bidi.Lines(language, string.Join("\n", lines)));

        // A line of the reply: its own marks come with the whole reply's.
        string Say(string key, params object?[] args) => Fragment.Of(language, key, args);
    }

    private static string Oldest(string language, DateTime? oldest, DateTime now) =>
        oldest is { } at ? Fragment.Of(language, "Ops.Status.Oldest", Duration(language, now - at)) : "";

    // Ids and counts of an operator's view: digits as they are (no grouping), in every language.
    private static string Duration(string language, TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => Fragment.Of(language, "Ops.Duration.Seconds", Math.Max(0, (int)span.TotalSeconds)),
        { TotalHours: < 1 } => Fragment.Of(language, "Ops.Duration.Minutes", (int)span.TotalMinutes),
        { TotalDays: < 1 } => Fragment.Of(language, "Ops.Duration.HoursMinutes", (int)span.TotalHours, span.Minutes),
        _ => Fragment.Of(language, "Ops.Duration.DaysHours", (int)span.TotalDays, span.Hours),
    };

    // English keeps "1.5 KB"; the others write the decimal as their culture does ("1,5 Ko").
    private static string Size(string language, long bytes) =>
        bytes < 1024 * 1024
            ? Fragment.Of(language, "Ops.Size.Kilobytes", (bytes / 1024.0).ToString("0.#", Catalogue.FormatCulture(language)))
            : Fragment.Of(language, "Ops.Size.Megabytes", (bytes / (1024.0 * 1024)).ToString("0.#", Catalogue.FormatCulture(language)));
}
