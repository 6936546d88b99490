using System.Collections.Concurrent;
using System.Diagnostics;
using CoordBot.BotApi;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.PostgreSql.Tests.Processes;
using CoordBot.Tests.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordBot.Benchmarks;

/// <summary>
/// Issue 15's figures, measured on the built bot as child processes (<c>dotnet CoordBot.dll</c>, webhook mode) on a
/// throw-away PostgreSQL server, the emulator in this process: inbound updates/s with two instances against one (and
/// against one on SQLite), fan-out from two instances at the bot-wide limit, and the time from killing an instance to
/// the survivor handling an update and firing the dead instance's job. The cluster's settings are the shipped defaults.
/// </summary>
internal static class ClusterBenchmark
{
    private static readonly string[] Commands = ["/start", "/help", "/me"];

    /// <summary>The instances log warnings only: writing every update's line would be part of what is measured.</summary>
    private static TimeSpan _slowestStart = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string> Quiet = new() { ["Logging:LogLevel:CoordBot"] = "Warning" };

    public static async Task RunAsync(bool quick, List<(string Part, string Figure, string Value, string Goal)> rows, int? measuredUpdates = null)
    {
        if (PostgresServer.MissingReason is { } missing)
        {
            Console.WriteLine($"cluster: skipped ({missing})");
            return;
        }

        var updates = measuredUpdates ?? (quick ? 6000 : 10_000);
        var users = quick ? 60 : 100;
        Console.WriteLine($"5. cluster inbound: {updates} updates from {users} users over the webhooks, one instance on SQLite, one and two on PostgreSQL ...");
        Console.WriteLine($"   load average {LoadAverage()}");
        var sqlite = await InboundAsync(instances: 1, postgres: false, updates, users);
        var one = await InboundAsync(instances: 1, postgres: true, updates, users);
        var two = await InboundAsync(instances: 2, postgres: true, updates, users);
        Console.WriteLine($"   load average {LoadAverage()}");
        rows.Add(("5 cluster inbound", $"updates/s, update posted -> reply accepted ({updates} updates, after {WarmUp} to warm up)", $"SQLite x1 {sqlite.Warm:0}, PostgreSQL x1 {one.Warm:0}, PostgreSQL x2 {two.Warm:0}", "-"));
        rows.Add(("5 cluster inbound", "ratio two instances / one (PostgreSQL)", $"{two.Warm / one.Warm:0.00}", ">= 1.3"));
        rows.Add(("5 cluster inbound", "ratio PostgreSQL x1 / SQLite x1; x2 / SQLite x1", $"{one.Warm / sqlite.Warm:0.00}; {two.Warm / sqlite.Warm:0.00}", ">= 0.8"));
        rows.Add(("5 cluster inbound", $"cold start: the {WarmUp} warm-up updates/s, SQLite x1, PostgreSQL x1, x2 (two / one; x1 / SQLite)", $"{sqlite.Cold:0}, {one.Cold:0}, {two.Cold:0} ({two.Cold / one.Cold:0.00}; {one.Cold / sqlite.Cold:0.00})", "-"));

        var messages = quick ? 300 : 600;
        Console.WriteLine($"6. cluster fan-out: {messages} replies written by two instances, Telegram's limits enforced ...");
        await OrSayWhyAsync("6 cluster fan-out", () => FanOutAsync(messages, rows), rows);

        Console.WriteLine("7. cluster fail-over: the instance holding a job due a second later is killed ...");
        await OrSayWhyAsync("7 cluster fail-over", () => FailoverAsync(rows), rows);
        Console.WriteLine($"   load average {LoadAverage()}");
    }

    /// <summary>A part that fails is reported in the table, and the parts after it still run.</summary>
    private static async Task OrSayWhyAsync(string part, Func<Task> run, List<(string Part, string Figure, string Value, string Goal)> rows)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or NpgsqlException)
        {
            rows.Add((part, "FAILED", ex.Message.ReplaceLineEndings(" "), "-"));
        }
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages: the figures are only as quiet as the machine was.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// Warms the instances up with <see cref="WarmUp"/> updates of other users (each instance gets its share), then posts
    /// every measured update (32 at a time, round-robin over the instances); returns updates/s until the last reply, for
    /// the warm-up (from a cold start: the runtime still compiling the bot's code) and for the measured part.
    /// </summary>
    private static async Task<(double Cold, double Warm)> InboundAsync(int instances, bool postgres, int updates, int users)
    {
        var warm = new Phase(WarmUpUserBase);
        var measured = new Phase(MeasuredUserBase);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions
        {
            EnforceLimits = false,
            MessageSent = m => (m.ChatId >= WarmUpUserBase ? warm : measured).Reply(),
        });
        var directory = Directory.CreateTempSubdirectory("coordbot-bench-");
        var connectionString = postgres ? await PostgresServer.CreateDatabaseAsync() : $"Data Source={Path.Combine(directory.FullName, "coordbot.db")}";
        // The emulator does not enforce limits here and the bot's own are lifted to match: this measures handling.
        await using var cluster = new BotCluster(emulator, connectionString, Unthrottled);
        var bots = await StartAsync(cluster, instances);
        var cold = await warm.RunAsync(emulator, cluster, bots, WarmUp, WarmUpUsers);
        var elapsed = await measured.RunAsync(emulator, cluster, bots, updates, users);
        Console.WriteLine($"   {(postgres ? "PostgreSQL" : "SQLite")} x{instances}: warm-up {WarmUp} replies in {cold.TotalSeconds:0.00} s{(warm.Finished ? "" : " (TIMED OUT)")}, then {measured.Replies} replies in {elapsed.TotalSeconds:0.00} s{(measured.Finished ? "" : " (TIMED OUT)")}");
        await cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
        return (warm.Replies / cold.TotalSeconds, measured.Replies / elapsed.TotalSeconds);
    }

    /// <summary>
    /// Updates handled before the measured ones, from their own users: a cold runtime compiles the bot's code as it first runs,
    /// and its tiered compiler recompiles the hot paths in the background for thousands of updates more (set by <c>--warmup N</c>).
    /// </summary>
    internal static int WarmUp { get; set; } = 12_000;

    internal const int WarmUpUsers = 30;

    internal const long MeasuredUserBase = 2_000_000;

    private const long WarmUpUserBase = 2_500_000;

    internal static readonly Dictionary<string, string> Unthrottled = new()
    {
        ["Delivery:GlobalPerSecond"] = "100000",
        ["Delivery:PrivatePerSecond"] = "10000",
        ["Delivery:PrivateBurst"] = "10000",
        ["Logging:LogLevel:CoordBot"] = "Warning",
    };

    /// <summary>One part of an inbound run: its users, its replies, and the time from its first post to its last reply.</summary>
    internal sealed class Phase(long userBase)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _replies;
        private int _expected = int.MaxValue;

        public int Replies => Volatile.Read(ref _replies);

        public bool Finished => _done.Task.IsCompleted;

        public void Reply()
        {
            if (Interlocked.Increment(ref _replies) >= Volatile.Read(ref _expected))
            {
                _done.TrySetResult();
            }
        }

        public async Task<TimeSpan> RunAsync(BotApiEmulator emulator, BotCluster cluster, IReadOnlyList<BotProcess> bots, int updates, int users)
        {
            var userIds = Enumerable.Range(1, users).Select(i => userBase + i).ToList();
            foreach (var user in userIds)
            {
                emulator.RegisterUser(user, $"Voter{user}");
            }

            Volatile.Write(ref _expected, updates);
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, updates, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            {
                var json = BotCluster.Message(userIds[i % users], Commands[i / users % Commands.Length], BotCluster.NextUpdateId());
                await cluster.PostUntilAcceptedAsync(bots.Skip(i % bots.Count).Concat(bots), json, ct);
            });
            if (Replies >= updates)
            {
                _done.TrySetResult();
            }

            await Task.WhenAny(_done.Task, Task.Delay(TimeSpan.FromMinutes(5)));
            return Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>One reply to each of many private chats, written by both instances, sent at Telegram's 30/s with limits enforced.</summary>
    private static async Task FanOutAsync(int messages, List<(string Part, string Figure, string Value, string Goal)> rows)
    {
        var arrivals = new ConcurrentQueue<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions
        {
            EnforceLimits = true,
            MessageSent = _ =>
            {
                arrivals.Enqueue(Stopwatch.GetTimestamp());
                if (arrivals.Count >= messages)
                {
                    done.TrySetResult();
                }
            },
        });
        await using var cluster = new BotCluster(emulator, await PostgresServer.CreateDatabaseAsync(), Quiet);
        var bots = await StartAsync(cluster, 2);
        var userIds = Enumerable.Range(1, messages).Select(i => 3_000_000L + i).ToList();
        foreach (var user in userIds)
        {
            emulator.RegisterUser(user, $"Delegate{user}");
        }

        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await cluster.PostUntilAcceptedAsync([bots[i % 2], bots[(i + 1) % 2]], BotCluster.Message(userIds[i], "/start", BotCluster.NextUpdateId()), ct));
        var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(5))) == done.Task;
        var elapsed = Stopwatch.GetElapsedTime(started);
        var times = arrivals.Order().ToList();
        // Sustained: the middle of the run, without the start-up ramp and the tail.
        var sustained = times.Count > 20 ? (times.Count - 11) / Stopwatch.GetElapsedTime(times[5], times[^6]).TotalSeconds : double.NaN;
        rows.Add(("6 cluster fan-out", $"messages/s from two instances ({messages} replies, limits enforced)", $"{times.Count / elapsed.TotalSeconds:0.0} overall, {sustained:0.0} sustained{(finished ? "" : ", TIMED OUT")}", ">= 28/s of 30/s"));
        rows.Add(("6 cluster fan-out", "429s received", emulator.Stats.TooManyRequestsSent.ToString(System.Globalization.CultureInfo.InvariantCulture), "0"));
    }

    /// <summary>
    /// A starts alone (so it is elected sender), then B; a session reminder falls due 45 s after the launch, and the
    /// instance that has acquired it from Quartz is killed a second before. Measured: the kill to the survivor's reply to
    /// an update posted to it right after the kill, and the kill to the reminder firing on the survivor (Quartz's cluster
    /// recovery of the dead instance's trigger, at Quartz's default check-in).
    /// </summary>
    private static async Task FailoverAsync(List<(string Part, string Figure, string Value, string Goal)> rows)
    {
        const long user = 4_000_001;
        var replied = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions
        {
            MessageSent = m =>
            {
                if (m.ChatId == user)
                {
                    replied.TrySetResult(Stopwatch.GetTimestamp());
                }
            },
        });
        emulator.RegisterUser(user, "Delegate");
        await using var cluster = new BotCluster(emulator, await PostgresServer.CreateDatabaseAsync(), new Dictionary<string, string>(Quiet) { ["Sessions:Reminders:0"] = "00:00:30" });

        // The schema and the session first, so the instances' start-up plans its reminder.
        // Due once both have started: the slowest start seen so far in this run, twice, and a margin.
        var launch = DateTime.UtcNow;
        var due = launch + TimeSpan.FromSeconds(Math.Max(45, (2.5 * _slowestStart.TotalSeconds) + 15));
        await using (var db = cluster.Database())
        {
            await db.Database.MigrateAsync();
            db.Sessions.Add(new Session { Title = "Situation in Libya", Format = SessionFormat.Closed, StartUtc = due.AddSeconds(30), DurationMinutes = 60, ZoneId = "UTC", CreatedBy = BotCluster.OperatorId, CreatedAt = launch });
            await db.SaveChangesAsync();
        }

        var a = await cluster.StartReadyAsync("coordbot-a");
        await BotCluster.WaitUntilAsync(() => cluster.SenderElectedAsync(), TimeSpan.FromSeconds(30), "coordbot-a is elected sender");
        var quartzA = await ScalarAsync(cluster, "SELECT min(instance_name) FROM qrtz_scheduler_state");
        var b = await cluster.StartReadyAsync("coordbot-b");
        await BotCluster.WaitUntilAsync(
            async () => await ScalarAsync(cluster, "SELECT min(instance_name) FROM qrtz_fired_triggers") is not null || await ScalarAsync(cluster, "SELECT 'sent' FROM \"SessionRemindersSent\"") is not null,
            TimeSpan.FromMinutes(3),
            "an instance acquires the reminder");
        var holderIsA = await ScalarAsync(cluster, "SELECT min(instance_name) FROM qrtz_fired_triggers") == quartzA;
        var (victim, survivor) = holderIsA ? (a, b) : (b, a);
        var wait = due.AddSeconds(-1) - DateTime.UtcNow;
        if (wait <= TimeSpan.Zero)
        {
            Console.WriteLine("   the instances started too late: the reminder was due before the kill; the job figure below is not a fail-over");
        }
        else
        {
            await Task.Delay(wait);
        }

        var killedAt = DateTime.UtcNow;
        var killed = Stopwatch.GetTimestamp();
        await victim.KillAsync();
        await cluster.PostUntilAcceptedAsync([survivor], BotCluster.Message(user, "/start", BotCluster.NextUpdateId()));
        var reply = await replied.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await BotCluster.WaitUntilAsync(async () =>
        {
            await using var db = cluster.Database();
            return await db.SessionRemindersSent.AnyAsync();
        }, TimeSpan.FromMinutes(2), "the survivor fires the reminder");
        await using (var db = cluster.Database())
        {
            var fired = (await db.SessionRemindersSent.SingleAsync()).SentAt;
            var roles = holderIsA ? "the job and the sender role" : "the job (the survivor was the sender)";
            rows.Add(("7 cluster fail-over", $"kill -> first update handled by the survivor, reply accepted (the dead instance held {roles})", $"{Stopwatch.GetElapsedTime(killed, reply).TotalSeconds:0.00} s", "-"));
            rows.Add(("7 cluster fail-over", "kill -> the dead instance's job (due 1 s after the kill) fired on the survivor", $"{(fired - killedAt).TotalSeconds:0.00} s", "-"));
        }
    }

    private static async Task<List<BotProcess>> StartAsync(BotCluster cluster, int instances)
    {
        // One after the other: the first creates the schema.
        var bots = new List<BotProcess>();
        for (var i = 0; i < instances; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bots.Add(await cluster.StartReadyAsync($"coordbot-{(char)('a' + i)}"));
            var took = Stopwatch.GetElapsedTime(started);
            _slowestStart = took > _slowestStart ? took : _slowestStart;
        }

        return bots;
    }

    /// <summary>One text value from the shared database (Quartz's tables), or null.</summary>
    private static async Task<string?> ScalarAsync(BotCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string;
    }
}
