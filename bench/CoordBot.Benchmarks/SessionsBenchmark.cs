using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Features.Delegations;
using CoordBot.Features.Sessions;
using CoordBot.Domain.Sessions;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoordBot.Benchmarks;

/// <summary>
/// Issue 5's benchmark: many sessions whose reminders fall due within a few minutes, scheduled through the
/// production path (the session row committed, then <see cref="SessionReminders.EnsureAsync"/>, as
/// <c>/schedule</c> does), a restart of the host with all of them pending, then how late each reminder
/// is written to the outbox, and that every one is written exactly once.
/// </summary>
internal static partial class SessionsBenchmark
{
    private const long Group = -1_005_000_001;
    private const long User = 5_000_001;

    /// <param name="sessions">Sessions to schedule.</param>
    /// <param name="offsets">Sessions:Reminders; every one of them falls due in the window.</param>
    /// <param name="lead">From "now" at the start to the first reminder: room for scheduling and the restart.</param>
    /// <param name="spread">Session starts are spread evenly over this much time.</param>
    public static async Task RunAsync(int sessions, TimeSpan[] offsets, TimeSpan lead, TimeSpan spread, List<(string Part, string Figure, string Value, string Goal)> rows)
    {
        var expected = sessions * offsets.Length;
        Console.WriteLine($"4. sessions: {sessions} sessions x {offsets.Length} reminder(s) ({string.Join(", ", offsets)}) due over {(spread + offsets.Max() - offsets.Min()).TotalSeconds:0} s, first {lead.TotalSeconds:0} s from now; restart with all of them pending ...");
        var arrivals = new ConcurrentQueue<SentMessage>();
        var emulatorOptions = new BotApiEmulatorOptions { EnforceLimits = false, MessageSent = arrivals.Enqueue };
        await using var emulator = await BotApiEmulator.StartAsync(emulatorOptions);
        emulator.RegisterGroup(Group, "EST delegation");
        emulator.RegisterUser(User, "Bench user");

        // Delivery is not measured here: the emulator enforces no limits, and the bot's own are lifted to match.
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:GlobalPerSecond"] = "100000",
            ["Delivery:PrivatePerSecond"] = "10000",
            ["Delivery:PrivateBurst"] = "10000",
            ["Delivery:GroupPerMinute"] = "6000",
            ["Telegram:PollTimeoutSeconds"] = "10",
        };
        for (var i = 0; i < offsets.Length; i++)
        {
            settings[$"Sessions:Reminders:{i}"] = offsets[i].ToString("c", CultureInfo.InvariantCulture);
        }

        var timings = new ReminderTimings();
        await using var files = new BotFiles(emulator, settings, timings);

        // --- the first host: a linked group, the sessions, their reminder jobs ---------------------------------
        var first = await files.StartAsync();
        var now = DateTime.UtcNow;
        var firstStart = now + lead + offsets.Max();
        var starts = Enumerable.Range(0, sessions).Select(i => firstStart + spread * i / sessions).ToList();
        var ids = await InsertAsync(first, now, starts);

        var reminders = first.Services.GetRequiredService<SessionReminders>();
        var scheduling = Stopwatch.StartNew();
        // As /schedule does after its transaction: one EnsureAsync per session; a few at a time, as concurrent commands would.
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await reminders.EnsureAsync(ids[i], starts[i], [], now, ct));
        scheduling.Stop();
        var pendingBefore = await PendingAsync(first);
        rows.Add(("4 sessions", $"reminder jobs scheduled ({sessions} sessions x {offsets.Length}, SessionReminders.EnsureAsync, 4 at a time)", $"{pendingBefore} in {scheduling.Elapsed.TotalSeconds:0.0} s ({pendingBefore / scheduling.Elapsed.TotalSeconds:0}/s)", "-"));

        // --- restart with every reminder pending --------------------------------------------------------------
        var stopping = Stopwatch.StartNew();
        await files.StopAsync(first);
        stopping.Stop();

        var restart = Stopwatch.StartNew();
        var second = await files.StartAsync();
        var started = restart.Elapsed;
        var reconciled = files.Reconciled is { } at ? Stopwatch.GetElapsedTime(files.StartedAt, at) : (TimeSpan?)null;
        emulator.SendText(User, User, "/start");
        await emulator.WaitForMessageAsync(User, _ => true, TimeSpan.FromSeconds(60));
        var inService = restart.Elapsed;
        var pendingAfter = await PendingAsync(second);
        var firstDue = now + lead;
        var margin = firstDue - DateTime.UtcNow;
        Console.WriteLine($"   back in service {inService.TotalSeconds:0.00} s after the restart began; first reminder due in {margin.TotalSeconds:0.0} s");
        if (margin < TimeSpan.Zero)
        {
            Console.WriteLine("   WARNING: setup overran the lead: the first reminders fell due before the bot was back; increase the lead.");
        }

        rows.Add(("4 sessions", $"restart: stop with {pendingBefore} jobs pending", $"{stopping.Elapsed.TotalSeconds:0.00} s", "-"));
        rows.Add(("4 sessions", "restart: new host StartAsync done (migrations, Quartz, reconciler)", $"{started.TotalSeconds:0.00} s (reconciler done at {reconciled?.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) ?? "?"} s: {files.ReconcilerMessage})", "-"));
        rows.Add(("4 sessions", "restart: back in service (StartAsync + reconciler + /start answered)", $"{inService.TotalSeconds:0.00} s", "< 5 s"));
        rows.Add(("4 sessions", "restart: reminder jobs pending before / after", $"{pendingBefore} / {pendingAfter}", "equal"));

        // --- the reminders fire ---------------------------------------------------------------------------------
        var lastDue = firstStart + spread - offsets.Min();
        var deadline = lastDue + TimeSpan.FromSeconds(30) - DateTime.UtcNow;
        await Task.WhenAny(timings.WaitForAsync(expected), Task.Delay(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero));
        // Delivery is not what is measured, but a reminder that never reaches the chat would be lost all the same.
        var delivered = Stopwatch.StartNew();
        while (arrivals.Count(m => m.ChatId == Group) < expected && delivered.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        await using (var db = await second.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            var sent = await db.SessionRemindersSent.AsNoTracking().Select(r => new { r.SessionId, r.OffsetSeconds }).ToListAsync();
            var outboxTexts = await db.OutboxMessages.AsNoTracking().Where(m => m.ChatId == Group && m.Text!.StartsWith("Reminder:")).Select(m => m.Text!).ToListAsync();
            var sentDistinct = sent.Distinct().Count();
            var perSession = outboxTexts.Select(LabelOf).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            var missingOutbox = ids.Sum(id => Math.Max(0, offsets.Length - perSession.GetValueOrDefault(SessionIds.Label(id))));
            var duplicateOutbox = perSession.Values.Sum(n => Math.Max(0, n - offsets.Length));
            var deliveredPerSession = arrivals.Where(m => m.ChatId == Group && m.Text is not null && m.Text.StartsWith("Reminder:", StringComparison.Ordinal))
                .Select(m => LabelOf(m.Text!)).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            var missingDelivered = ids.Sum(id => Math.Max(0, offsets.Length - deliveredPerSession.GetValueOrDefault(SessionIds.Label(id))));
            var duplicateDelivered = deliveredPerSession.Values.Sum(n => Math.Max(0, n - offsets.Length));
            rows.Add(("4 sessions", "reminders fired / expected (job runs; SessionReminderSent rows)", $"{timings.Count} / {expected}; {sent.Count} rows, {sentDistinct} distinct", "equal"));
            rows.Add(("4 sessions", "reminders missing / duplicated (outbox rows; delivered to the chat)", $"{missingOutbox} / {duplicateOutbox}; {missingDelivered} / {duplicateDelivered}", "0 / 0"));
        }

        timings.PrintTimeline();
        var (committed, starting, failures, repeats) = timings.Lateness();
        rows.Add(("4 sessions", "lateness, outbox row committed - due: p50 / p99 / max", $"{committed.P50:0.0} / {committed.P99:0.0} / {committed.Max:0.0} ms", "p99 < 100 ms, max < 1000 ms"));
        rows.Add(("4 sessions", "lateness, job started - due: p50 / p99 / max", $"{starting.P50:0.0} / {starting.P99:0.0} / {starting.Max:0.0} ms", "-"));
        rows.Add(("4 sessions", "job failures / jobs run twice", $"{failures} / {repeats}", "0 / 0"));
        // Right after a restart the job path is cold (JIT, EF query compilation, SQLite caches): the first seconds show it.
        var warm = TimeSpan.FromSeconds(20);
        var (warmCommitted, _, _, _) = timings.Lateness(warm);
        rows.Add(("4 sessions", $"lateness, committed - due, due {warm.TotalSeconds:0} s or more after the first (warm): p50 / p99 / max", $"{warmCommitted.P50:0.0} / {warmCommitted.P99:0.0} / {warmCommitted.Max:0.0} ms", "-"));
        await files.StopAsync(second);
    }

    private static async Task<List<long>> InsertAsync(IHost host, DateTime now, List<DateTime> starts)
    {
        var unitOfWork = host.Services.GetRequiredService<UnitOfWork>();
        await unitOfWork.RunAsync((db, _) =>
        {
            db.DelegationGroups.Add(new DelegationGroup { DelegationCode = "EST", ChatId = Group, Title = "EST delegation", LinkedBy = 1001, LinkedAt = now });
            return Task.CompletedTask;
        }, CancellationToken.None);

        var ids = new List<long>(starts.Count);
        foreach (var chunk in starts.Chunk(1000))
        {
            var added = chunk.Select(start => new Session
            {
                Title = "Bench session",
                Format = SessionFormat.Closed,
                StartUtc = start,
                DurationMinutes = 60,
                ZoneId = "UTC",
                CreatedBy = 1001,
                CreatedAt = now,
            }).ToList();
            await unitOfWork.RunAsync((db, _) =>
            {
                db.Sessions.AddRange(added);
                return Task.CompletedTask;
            }, CancellationToken.None);
            ids.AddRange(added.Select(s => s.Id));
        }

        return ids;
    }

    private static async Task<int> PendingAsync(IHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupStartsWith("session-"));
        return keys.Count;
    }

    private static string LabelOf(string text) => LabelPattern().Match(text).Groups[1].Value;

    [GeneratedRegex(@"<b>(S\d+)</b>")]
    private static partial Regex LabelPattern();

    /// <summary>The bot's files (SQLite and the Quartz SQLite beside it) and emulator, for hosts started one after another.</summary>
    private sealed class BotFiles(BotApiEmulator emulator, IDictionary<string, string?> settings, ReminderTimings timings) : IAsyncDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordbot-bench-sessions-" + Guid.NewGuid().ToString("N"));
        private readonly ReconcilerWatch _watch = new();

        public long StartedAt { get; private set; }

        public long? Reconciled => _watch.At;

        public string ReconcilerMessage => _watch.Message ?? "no message";

        public async Task<IHost> StartAsync()
        {
            Directory.CreateDirectory(_directory);
            _watch.Reset();
            StartedAt = Stopwatch.GetTimestamp();
            var all = new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = emulator.BotToken,
                ["Telegram:BaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
                ["ConnectionStrings:CoordBot"] = $"Data Source={Path.Combine(_directory, "coordbot.db")}",
                ["Bot:Operators:0"] = "1001",
            };
            foreach (var (key, value) in settings)
            {
                all[key] = value;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Benchmark" });
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
            builder.Logging.AddProvider(_watch);
            builder.Logging.AddFilter<ReconcilerWatch>("CoordBot.Features.Sessions.SessionReminderReconciler", LogLevel.Information);
            builder.AddCoordBot();
            // Only the bench listens to the jobs; it adds nothing to their work but two timestamps.
            builder.Services.AddQuartz(q => q.AddJobListener(timings, [GroupMatcher<JobKey>.GroupStartsWith("session-")]));
            Experiment(builder.Services);
            var host = builder.Build();
            host.ValidateCoordBotConfiguration();
            await host.StartAsync();
            return host;
        }

        /// <summary>Knobs for trying Quartz settings without touching the bot: BENCH_QUARTZ_THREADS, BENCH_QUARTZ_BATCH, BENCH_QUARTZ_FIRE_AHEAD_MS.</summary>
        private static void Experiment(IServiceCollection services)
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_QUARTZ_THREADS"), out var threads))
            {
                services.AddQuartz(q => q.UseDefaultThreadPool(o => o.MaxConcurrency = threads));
            }

            if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_QUARTZ_BATCH"), out var batch))
            {
                services.AddOptions<QuartzSchedulerOptions>().Configure(o => o.MaxBatchSize = batch);
            }

            if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_QUARTZ_FIRE_AHEAD_MS"), out var ahead))
            {
                services.AddOptions<QuartzSchedulerOptions>().Configure(o => o.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromMilliseconds(ahead));
            }
        }

        public async Task StopAsync(IHost host)
        {
            await host.StopAsync();
            host.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Notes when the reconciler says it is done (it logs once, at the end of its StartAsync).</summary>
    private sealed class ReconcilerWatch : ILoggerProvider, ILogger
    {
        private long _at;

        public long? At => Interlocked.Read(ref _at) is var at && at != 0 ? at : null;

        public string? Message { get; private set; }

        public void Reset()
        {
            Interlocked.Exchange(ref _at, 0);
            Message = null;
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (text.StartsWith("Session reminders reconciled", StringComparison.Ordinal))
            {
                Message = text;
                Interlocked.Exchange(ref _at, Stopwatch.GetTimestamp());
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>When each reminder job starts and ends (its transaction, outbox row included, is committed by then), against its due time.</summary>
internal sealed class ReminderTimings : IJobListener
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _starts = new();
    private readonly ConcurrentQueue<(string Key, DateTimeOffset Due, double FiredMs, double StartMs, double CommitMs, bool Failed)> _runs = new();
    private readonly object _waitLock = new();
    private (int Count, TaskCompletionSource Done)? _wait;

    public string Name => nameof(ReminderTimings);

    public int Count => _runs.Count;

    public Task WaitForAsync(int count)
    {
        lock (_waitLock)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _wait = (count, done);
            if (_runs.Count >= count)
            {
                done.TrySetResult();
            }

            return done.Task;
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        _starts[context.FireInstanceId] = DateTimeOffset.UtcNow;
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var end = DateTimeOffset.UtcNow;
        var due = DateTimeOffset.Parse(context.MergedJobDataMap.GetString(ScheduledJobData.DueAtUtcKey)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var start = _starts.TryRemove(context.FireInstanceId, out var s) ? s : end;
        _runs.Enqueue((context.JobDetail.Key.ToString(), due, (context.FireTimeUtc - due).TotalMilliseconds, (start - due).TotalMilliseconds, (end - due).TotalMilliseconds, jobException is not null));
        lock (_waitLock)
        {
            if (_wait is { } wait && _runs.Count >= wait.Count)
            {
                wait.Done.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Lateness of the runs whose due time is at least <paramref name="skip"/> after the first due time.</summary>
    public ((double P50, double P99, double Max) Committed, (double P50, double P99, double Max) Started, int Failures, int Repeats) Lateness(TimeSpan skip = default)
    {
        var all = _runs.ToList();
        var origin = all.Count == 0 ? default : all.Min(r => r.Due);
        var runs = all.Where(r => r.Due >= origin + skip).ToList();
        return (Stats(runs.Select(r => r.CommitMs)), Stats(runs.Select(r => r.StartMs)), runs.Count(r => r.Failed), runs.Count - runs.Select(r => r.Key).Distinct().Count());
    }

    /// <summary>Where the lateness comes from, over time: one line per 10 s of due times.</summary>
    public void PrintTimeline()
    {
        var runs = _runs.ToList();
        if (runs.Count == 0)
        {
            return;
        }

        var origin = runs.Min(r => r.Due);
        Console.WriteLine("   due at (s) | fired | Quartz fired-due p99/max | job start-due p99/max | committed-due p50/p99/max | job (commit-start) p50/p99 ms");
        foreach (var bucket in runs.GroupBy(r => (int)((r.Due - origin).TotalSeconds / 10)).OrderBy(g => g.Key))
        {
            var fired = Stats(bucket.Select(r => r.FiredMs));
            var started = Stats(bucket.Select(r => r.StartMs));
            var committed = Stats(bucket.Select(r => r.CommitMs));
            var work = Stats(bucket.Select(r => r.CommitMs - r.StartMs));
            Console.WriteLine($"   {bucket.Key * 10,4}-{bucket.Key * 10 + 10,-4} | {bucket.Count(),5} | {fired.P99,7:0} / {fired.Max,5:0} | {started.P99,7:0} / {started.Max,5:0} | {committed.P50,5:0} / {committed.P99,5:0} / {committed.Max,5:0} | {work.P50,5:0} / {work.P99,5:0}");
        }
    }

    private static (double P50, double P99, double Max) Stats(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return (At(0.50), At(0.99), sorted[^1]);
    }
}
