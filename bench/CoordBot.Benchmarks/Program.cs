using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CoordBot.BotApi;
using CoordBot.Benchmarks;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// CoordBot benchmark: dotnet run -c Release --project bench/CoordBot.Benchmarks [-- --quick] [--sessions]
// --sessions runs only part 4 (session reminders on the persistent Quartz store, and a restart);
// --delivery runs only parts 1-3 (fan-out, inbound, idle).
// --cluster runs only parts 5-7: the built bot as child processes on a throw-away PostgreSQL (inbound with two
// instances against one and against SQLite, fan-out from two instances, fail-over time); it needs PostgreSQL's binaries.
// --cluster --profile runs only the inbound part on PostgreSQL (x1, x2) and says where the time goes (statements, CPU, waits).
// --warmup N and --updates N set the cluster inbound's warm-up (default 12,000: a bot process's tiered JIT is still
// recompiling its hot paths thousands of updates in) and its measured updates (6,000 quick, 10,000 otherwise).
// --bodies runs only part 8: 50 bodies and 3,000 people against one body (inbound, fan-out, /today in five bodies).
var quick = args.Contains("--quick");
var clusterOnly = args.Contains("--cluster");
var sessionsOnly = args.Contains("--sessions");
var deliveryOnly = args.Contains("--delivery");
var bodiesOnly = args.Contains("--bodies");
var profile = args.Contains("--profile");
if (Array.IndexOf(args, "--warmup") is var w and >= 0 && w + 1 < args.Length)
{
    ClusterBenchmark.WarmUp = int.Parse(args[w + 1], CultureInfo.InvariantCulture);
}

var measuredUpdates = Array.IndexOf(args, "--updates") is var u and >= 0 && u + 1 < args.Length ? int.Parse(args[u + 1], CultureInfo.InvariantCulture) : (int?)null;
var rows = new List<(string Part, string Figure, string Value, string Goal)>();
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine($"CoordBot benchmark{(quick ? " (quick)" : "")}: {Machine()}");

if (clusterOnly && profile)
{
    ClusterProfile.PreloadStatistics();
    await ClusterProfile.RunAsync(updates: measuredUpdates ?? (quick ? 6000 : 10_000), users: quick ? 60 : 100);
}
else if (clusterOnly)
{
    await ClusterBenchmark.RunAsync(quick, rows, measuredUpdates);
}

if (bodiesOnly)
{
    await BodiesBenchmark.RunAsync(quick, rows);
}

if (!sessionsOnly && !clusterOnly && !bodiesOnly)
{
    await FanOutAsync(groups: quick ? 40 : 200, privates: quick ? 40 : 200);
    await InboundAsync(users: quick ? 200 : 2000, updates: quick ? 2000 : 20_000, pacedSeconds: quick ? 5 : 30);
    await IdleAsync(seconds: quick ? 5 : 30);
}

if (!deliveryOnly && !clusterOnly && !bodiesOnly)
{
    await SessionsBenchmark.RunAsync(
        sessions: quick ? 1000 : 10_000,
        offsets: [TimeSpan.FromMinutes(1)],
        lead: TimeSpan.FromSeconds(quick ? 30 : 90),
        spread: TimeSpan.FromSeconds(quick ? 30 : 150),
        rows);
}

Console.WriteLine();
Console.WriteLine("| Part | Figure | Result | Goal |");
Console.WriteLine("| --- | --- | --- | --- |");
foreach (var (part, figure, value, goal) in rows)
{
    Console.WriteLine($"| {part} | {figure} | {value} | {goal} |");
}

return;

async Task FanOutAsync(int groups, int privates)
{
    var total = groups + privates;
    Console.WriteLine($"1. fan-out: {total} messages to {groups} groups and {privates} private chats, Telegram's limits enforced ...");
    var arrivals = new ConcurrentQueue<(long Chat, long At)>();
    var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var count = 0;
    var emulatorOptions = new BotApiEmulatorOptions
    {
        EnforceLimits = true, // 30/s overall, 1/s per private chat (burst 3), 20/min per group
        MessageSent = m =>
        {
            arrivals.Enqueue((m.ChatId, Stopwatch.GetTimestamp()));
            if (Interlocked.Increment(ref count) >= total)
            {
                allArrived.TrySetResult();
            }
        },
    };
    await using var bench = await BenchHost.StartAsync(emulatorOptions, new Dictionary<string, string?>());
    var chats = Enumerable.Range(1, groups).Select(i => -1_001_000_000L - i).Concat(Enumerable.Range(1, privates).Select(i => 700_000L + i)).ToList();
    foreach (var chat in chats)
    {
        if (chat < 0)
        {
            bench.Emulator.RegisterGroup(chat, $"Delegation group {-chat}");
        }
        else
        {
            bench.Emulator.RegisterUser(chat, $"Delegate{chat}");
        }
    }

    var draft = Draft();
    var unitOfWork = bench.Services.GetRequiredService<UnitOfWork>();
    var started = Stopwatch.GetTimestamp();
    await unitOfWork.RunAsync((db, _) =>
    {
        var outbox = new Outbox(db, DateTime.UtcNow);
        foreach (var chat in chats)
        {
            outbox.Send(chat, draft);
        }

        return Task.CompletedTask;
    }, CancellationToken.None);

    await Task.WhenAny(allArrived.Task, Task.Delay(TimeSpan.FromMinutes(5)));
    var elapsed = Stopwatch.GetElapsedTime(started);
    await bench.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

    var perChat = arrivals.GroupBy(a => a.Chat).ToDictionary(g => g.Key, g => g.Count());
    var lost = chats.Count(c => !perChat.ContainsKey(c));
    var duplicated = perChat.Values.Sum(n => n - 1);
    await using var db = await unitOfWork.ReadAsync(CancellationToken.None);
    var sent = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent);
    var stats = bench.Emulator.Stats;

    // Sustained rate: the middle of the run, without the start-up ramp and the tail.
    var times = arrivals.Select(a => a.At).Order().ToList();
    var sustained = times.Count > 20
        ? (times.Count - 11) / Stopwatch.GetElapsedTime(times[5], times[^6]).TotalSeconds
        : double.NaN;
    rows.Add(("1 fan-out", $"messages/s ({total} messages)", $"{total / elapsed.TotalSeconds:0.0} overall, {sustained:0.0} sustained", ">= 28/s of 30/s"));
    rows.Add(("1 fan-out", "total time", $"{elapsed.TotalSeconds:0.00} s", $"~{total / 30.0:0.0} s at 30/s"));
    rows.Add(("1 fan-out", "429s received", stats.TooManyRequestsSent.ToString(), "0"));
    rows.Add(("1 fan-out", "lost / duplicated", $"{lost} / {duplicated} (outbox rows Sent: {sent}/{total})", "0 / 0"));
}

async Task InboundAsync(int users, int updates, int pacedSeconds)
{
    Console.WriteLine($"2. inbound: {updates} commands from {users} users through the real host, then {pacedSeconds} s at 100 updates/s ...");
    var replies = new ConcurrentQueue<(long Chat, long At)>();
    var replyCount = 0;
    var target = updates;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var emulatorOptions = new BotApiEmulatorOptions
    {
        EnforceLimits = false,
        MessageSent = m =>
        {
            replies.Enqueue((m.ChatId, Stopwatch.GetTimestamp()));
            if (Interlocked.Increment(ref replyCount) >= Volatile.Read(ref target))
            {
                done.TrySetResult();
            }
        },
    };
    // The emulator does not enforce limits here; the bot's own limits are lifted to match, so this measures the host.
    var settings = new Dictionary<string, string?>
    {
        ["Delivery:GlobalPerSecond"] = "100000",
        ["Delivery:PrivatePerSecond"] = "10000",
        ["Delivery:PrivateBurst"] = "10000",
        ["Telegram:PollTimeoutSeconds"] = "10",
    };
    await using var bench = await BenchHost.StartAsync(emulatorOptions, settings);
    var userIds = Enumerable.Range(1, users).Select(i => 2_000_000L + i).ToList();
    foreach (var user in userIds)
    {
        bench.Emulator.RegisterUser(user, $"Voter{user}");
    }

    string[] commands = ["/start", "/help", "/me"];
    var posted = new Dictionary<long, List<long>>();

    using var sampler = new PeakSampler();

    // Burst: everything at once.
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < updates; i++)
    {
        var user = userIds[i % users];
        Post(user, commands[(i / users) % commands.Length]);
    }

    var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(10))) == done.Task;
    var elapsed = Stopwatch.GetElapsedTime(started);
    var burst = Latencies(replies.ToList(), posted);
    await using (var db = await bench.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
    {
        var handled = await db.InboxUpdates.Where(u => u.ProcessedAt != null).Select(u => new { u.ReceivedAt, u.ProcessedAt }).ToListAsync();
        if (handled.Count > 1)
        {
            var span = handled.Max(u => u.ProcessedAt!.Value) - handled.Min(u => u.ReceivedAt);
            rows.Add(("2 inbound", "updates handled/s (stored -> handled, replies queued in the outbox)", $"{handled.Count / span.TotalSeconds:0} ({handled.Count} in {span.TotalSeconds:0.0} s)", "-"));
        }
    }

    rows.Add(("2 inbound", $"updates/s ({updates} updates, {users} users, all at once)", $"{replyCount / elapsed.TotalSeconds:0} ({replyCount} replies in {elapsed.TotalSeconds:0.0} s{(finished ? "" : ", TIMED OUT")})", ">= 1000/s"));
    rows.Add(("2 inbound", "update -> reply p50 / p99 (burst, queueing included)", $"{burst.P50:0.0} / {burst.P99:0.0} ms", "-"));

    // Paced: 100 updates per second.
    replies.Clear();
    posted.Clear();
    var pacedCount = pacedSeconds * 100;
    Interlocked.Exchange(ref replyCount, 0);
    Volatile.Write(ref target, pacedCount);
    done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
    {
        var due = Stopwatch.GetTimestamp();
        for (var i = 0; i < pacedCount;)
        {
            await timer.WaitForNextTickAsync();
            // Catch up if a tick came late, so the rate stays 100/s.
            var shouldHave = (int)(Stopwatch.GetElapsedTime(due).TotalMilliseconds / 10) + 1;
            while (i < Math.Min(shouldHave, pacedCount))
            {
                Post(userIds[i % users], commands[i % commands.Length]);
                i++;
            }
        }
    }

    await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(2)));
    var paced = Latencies(replies.ToList(), posted);
    rows.Add(("2 inbound", $"update -> reply p50 / p99 at 100 updates/s ({pacedCount} updates)", $"{paced.P50:0.0} / {paced.P99:0.0} ms", "p99 < 50 ms"));
    rows.Add(("2 inbound", "peak working set (bot + emulator in one process)", $"{sampler.PeakBytes / 1024.0 / 1024.0:0} MB", "-"));

    void Post(long user, string text)
    {
        if (!posted.TryGetValue(user, out var list))
        {
            posted[user] = list = [];
        }

        list.Add(Stopwatch.GetTimestamp());
        bench.Emulator.SendText(user, user, text);
    }
}

async Task IdleAsync(int seconds)
{
    Console.WriteLine($"3. idle: CPU over {seconds} s with no traffic ...");
    await using var bench = await BenchHost.StartAsync(new BotApiEmulatorOptions(), new Dictionary<string, string?>());
    await Task.Delay(TimeSpan.FromSeconds(2)); // start-up work (migrations, setMyCommands) is not idling
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    process.Refresh();
    var share = (process.TotalProcessorTime - cpuBefore) / wall.Elapsed;
    rows.Add(("3 idle", $"CPU over {seconds} s (bot + emulator, long polling)", $"{share * 100:0.00} % of one core", "< 2 %"));
}

static (double P50, double P99) Latencies(List<(long Chat, long At)> replies, Dictionary<long, List<long>> posted)
{
    // Each command gets exactly one reply, and a chat's updates are answered in order: match them in order.
    var latencies = new List<double>();
    foreach (var group in replies.GroupBy(r => r.Chat))
    {
        if (!posted.TryGetValue(group.Key, out var sent))
        {
            continue;
        }

        var i = 0;
        foreach (var reply in group.OrderBy(r => r.At))
        {
            if (i < sent.Count)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent[i++], reply.At).TotalMilliseconds);
            }
        }
    }

    if (latencies.Count == 0)
    {
        return (double.NaN, double.NaN);
    }

    latencies.Sort();
    return (latencies[(int)(latencies.Count * 0.50)], latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))]);
}

static string Draft()
{
    var text = new StringBuilder("<b>Draft resolution S/2020/123 (rev. 2)</b>\n<i>Circulated by the presidency for comments by Friday 18:00 UTC.</i>\n\n");
    for (var p = 1; text.Length < 3500; p++)
    {
        text.Append(CultureInfo.InvariantCulture, $"{p}. <i>Recalling</i> its previous resolutions and the statements of its President on the matter, and reaffirming its strong commitment to the sovereignty, independence and territorial integrity of the States concerned;\n\n");
    }

    return text.ToString();
}

static string Machine()
{
    var cpu = "unknown CPU";
    try
    {
        cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
    }
    catch (IOException)
    {
    }
    catch (UnauthorizedAccessException)
    {
    }

    return $"{Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
}

/// <summary>Samples the process's working set every 50 ms and keeps the peak.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var now = process.WorkingSet64;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
