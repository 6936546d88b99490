using System.Globalization;
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

        var lines = new List<string>
        {
            "<b>CoordBot status</b>",
            $"Version {Html.Escape(typeof(StatusHandler).Assembly.GetName().Version?.ToString() ?? "?")}, up since {TimeDisplay.Utc(metrics.StartedAt.UtcDateTime)} ({Duration(now - metrics.StartedAt.UtcDateTime)})",
            // This /status is itself an update not yet marked handled (the mark commits with its reply).
            $"Updates waiting: {waiting.Updates}{Oldest(waiting.OldestUpdate, now)}, this /status included",
            $"Messages waiting: {waiting.Messages}{Oldest(waiting.OldestMessage, now)}",
            $"Last 429 from Telegram: {(metrics.LastTooManyRequestsAt is { } last ? TimeDisplay.Utc(last.UtcDateTime) : "none since the start")}",
            $"Jobs pending: {jobs}",
            $"Database: {Size(await dialect.SizeAsync(cancellationToken))}",
        };
        lines.Add(failedUpdates.Count == 0 && failedMessages.Count == 0 ? "No errors recorded." : "<b>Last errors</b>");
        // Only the exception's type: its message may quote a user's text.
        lines.AddRange(failedUpdates.Select(u => $"update {u.UpdateId} at {(u.ProcessedAt is { } at ? TimeDisplay.Utc(at) : "?")}: {Html.Escape(u.Error!.Split(':')[0])}"));
        lines.AddRange(failedMessages.Select(m => $"message {m.Id} to chat {m.ChatId}: {Html.Escape(m.LastError ?? "failed")}"));
        context.Reply(string.Join("\n", lines));
    }

    private static string Oldest(DateTime? oldest, DateTime now) =>
        oldest is { } at ? $" (oldest {Duration(now - at)} old)" : "";

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)span.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };

    private static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
