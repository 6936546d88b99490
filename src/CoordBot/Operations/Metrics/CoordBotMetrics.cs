using System.Diagnostics.Metrics;
using CoordBot.Features.Drafts;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Operations.Metrics;

/// <summary>
/// The bot's one Meter and its instruments. Counters are recorded where things happen (receiving,
/// handling, sending, jobs firing); backlogs and open business are gauges read from the database when
/// scraped, so they are right after a restart and cost nothing between scrapes.
/// </summary>
public sealed class CoordBotMetrics
{
    public const string MeterName = "CoordBot";

    private readonly Counter<long> _received;
    private readonly Counter<long> _handled;
    private readonly Histogram<double> _handling;
    private readonly Counter<long> _sent;
    private readonly Histogram<double> _retryAfter;
    private readonly Histogram<double> _jobLateness;
    private readonly IDbContextFactory<CoordBotDb> _database;
    private readonly TimeProvider _time;

    public CoordBotMetrics(IMeterFactory meterFactory, IDbContextFactory<CoordBotDb> database, TimeProvider time)
    {
        _database = database;
        _time = time;
        StartedAt = time.GetUtcNow();
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("coordbot_updates_received", "{update}", "Updates stored in the inbox (repeats not counted)");
        _handled = meter.CreateCounter<long>("coordbot_updates_handled", "{update}", "Updates handled, by outcome (ok, failed)");
        _handling = meter.CreateHistogram<double>("coordbot_update_handling_duration", "s", "Time to handle one update, its transaction step included", advice: Seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5));
        _sent = meter.CreateCounter<long>("coordbot_messages_sent", "{message}", "Requests to Telegram by outcome (sent, 429, 5xx, failed)");
        _retryAfter = meter.CreateHistogram<double>("coordbot_telegram_retry_after", "s", "Waits Telegram asked for with a 429", advice: Seconds(1, 2, 5, 10, 30, 60, 300, 900, 3600));
        _jobLateness = meter.CreateHistogram<double>("coordbot_job_lateness", "s", "How late a scheduled job started after its due time, by job kind", advice: Seconds(0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300, 3600));
        meter.CreateObservableGauge("coordbot_inbox_backlog", () => Read(db => db.InboxUpdates.Count(u => u.ProcessedAt == null)), "{update}", "Updates received and not yet handled");
        meter.CreateObservableGauge("coordbot_outbox_backlog", () => Read(db => db.OutboxMessages.Count(m => m.Status == OutboxStatus.Pending)), "{message}", "Messages waiting to be sent");
        meter.CreateObservableGauge("coordbot_outbox_oldest_age", OldestUnsentAge, "s", "Age of the oldest message waiting to be sent (0 when none)");
        meter.CreateObservableGauge("coordbot_votes_open", () => Read(db => db.Votes.Count(v => v.ClosedAt == null)), "{vote}", "Votes open now");
        meter.CreateObservableGauge("coordbot_drafts_under_silence", () => Read(db => db.Drafts.Count(d => d.SilenceDeadlineUtc != null && d.AgreedUnderSilenceAt == null)), "{draft}", "Drafts under a silence procedure now");
    }

    /// <summary>Buckets in seconds: the SDK's defaults are made for milliseconds.</summary>
    private static InstrumentAdvice<double> Seconds(params double[] bounds) => new() { HistogramBucketBoundaries = bounds };

    /// <summary>When this bot process started (for /status).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When Telegram last answered 429, since the start (for /status).</summary>
    public DateTimeOffset? LastTooManyRequestsAt { get; private set; }

    public void UpdatesReceived(int count) => _received.Add(count);

    public void UpdateHandled(bool ok, TimeSpan duration)
    {
        _handled.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));
        _handling.Record(duration.TotalSeconds);
    }

    /// <summary>One request to Telegram and how it ended (no failure: sent); returns the outcome's name, which its span carries too.</summary>
    public string MessageSent(FailureKind? failure, TimeSpan retryAfter)
    {
        var outcome = failure switch
        {
            null or FailureKind.Moot => "sent",
            FailureKind.RetryAfter => "429",
            FailureKind.Transient => "5xx",
            _ => "failed",
        };
        _sent.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (failure == FailureKind.RetryAfter)
        {
            LastTooManyRequestsAt = _time.GetUtcNow();
            _retryAfter.Record(retryAfter.TotalSeconds);
        }

        return outcome;
    }

    public void JobStarted(string kind, TimeSpan lateness) =>
        _jobLateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("job", kind));

    private double OldestUnsentAge()
    {
        var oldest = Read(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).Min(m => (DateTime?)m.CreatedAt));
        return oldest is { } at ? Math.Max(0, (_time.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0;
    }

    /// <summary>Observable callbacks are synchronous; a short read on its own context.</summary>
    private T Read<T>(Func<CoordBotDb, T> query)
    {
        using var db = _database.CreateDbContext();
        return query(db);
    }
}
