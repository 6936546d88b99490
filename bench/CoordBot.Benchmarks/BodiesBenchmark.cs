using System.Collections.Concurrent;
using System.Diagnostics;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Benchmarks;

/// <summary>
/// Issue 25's benchmark: one bot serving 50 bodies and 3,000 people against the same bot serving one body of the size of
/// each of those (60 people). Inbound: the same commands from members through the real host, updates per second; fan-out:
/// a circulation's notices to every other delegation of a body, notices per second; and <c>/today</c> for a person in five
/// bodies, update to reply, at p99. The ratios are the 50 bodies' figure over the one body's.
/// </summary>
internal static class BodiesBenchmark
{
    private const int PerDelegation = 4; // head, deputy, two advisers
    private const long FirstUser = 3_000_001;
    private const long FiveBodiesPerson = 2_999_999;

    public static async Task RunAsync(bool quick, List<(string Part, string Figure, string Value, string Goal)> rows)
    {
        var updates = quick ? 1_500 : 10_000;
        var circulations = quick ? 10 : 40;
        var todays = quick ? 200 : 1_000;
        Console.WriteLine($"8. bodies: one body of 60 people, then 50 bodies of 60 (3,000 people); {updates} commands, {circulations} circulations, {todays} /today for a person in 5 bodies ...");
        // A short run first, thrown away, so the first measured part does not pay for the JIT and the caches alone.
        await MeasureAsync(bodies: 1, updates: updates / 10, circulations: 2, todays: 0);
        var one = await MeasureAsync(bodies: 1, updates, circulations, todays: 0);
        var fifty = await MeasureAsync(bodies: 50, updates, circulations, todays);
        rows.Add(("8 bodies", $"inbound updates/s, 1 body / 50 bodies ({updates} commands)", $"{one.Inbound:0} / {fifty.Inbound:0} (ratio {fifty.Inbound / one.Inbound:0.00})", "ratio >= 0.90"));
        rows.Add(("8 bodies", $"fan-out notices/s, 1 body / 50 bodies ({circulations} circulations to 14 delegations)", $"{one.FanOut:0} / {fifty.FanOut:0} (ratio {fifty.FanOut / one.FanOut:0.00})", "ratio >= 0.90"));
        rows.Add(("8 bodies", $"/today for a person in 5 bodies, p50 / p99 ({todays} in turn)", $"{fifty.TodayP50:0.0} / {fifty.TodayP99:0.0} ms", "p99 < 50 ms"));
    }

    private sealed record Figures(double Inbound, double FanOut, double TodayP50, double TodayP99);

    private static async Task<Figures> MeasureAsync(int bodies, int updates, int circulations, int todays)
    {
        var waiters = new ConcurrentDictionary<long, TaskCompletionSource<string>>();
        var count = 0;
        var target = int.MaxValue;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var emulatorOptions = new BotApiEmulatorOptions
        {
            EnforceLimits = false,
            MessageSent = m =>
            {
                if (waiters.TryRemove(m.ChatId, out var waiter))
                {
                    waiter.TrySetResult(m.Text ?? string.Empty);
                }

                if (Interlocked.Increment(ref count) >= Volatile.Read(ref target))
                {
                    done.TrySetResult();
                }
            },
        };
        var directory = Directory.CreateTempSubdirectory("coordbot-bodies-bench-");
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:GlobalPerSecond"] = "100000",
            ["Delivery:PrivatePerSecond"] = "10000",
            ["Delivery:PrivateBurst"] = "10000",
            ["Telegram:PollTimeoutSeconds"] = "10",
            ["Operations:Url"] = "", // the operations endpoint is not measured, and its port may be taken
        };
        for (var b = 0; b < bodies; b++)
        {
            var council = System.Text.Json.Nodes.JsonNode.Parse(CouncilPresets.SecurityCouncil2020Json)!.AsObject();
            council["key"] = $"b{b + 1:00}";
            council["shortName"] = $"Body {b + 1}";
            council["name"] = $"Body {b + 1}";
            var file = Path.Combine(directory.FullName, $"body{b + 1}.json");
            await File.WriteAllTextAsync(file, council.ToJsonString());
            settings[$"Bodies:{b}:File"] = file;
        }

        await using var bench = await BenchHost.StartAsync(emulatorOptions, settings);
        var codes = CouncilPresets.SecurityCouncil2020.Members.Select(m => m.Code).ToList();
        var heads = new List<long>();
        var members = new List<long>();
        var now = DateTime.UtcNow;
        await bench.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            var user = FirstUser;
            for (var b = 1; b <= bodies; b++)
            {
                foreach (var code in codes)
                {
                    for (var k = 0; k < PerDelegation; k++, user++)
                    {
                        var role = k switch { 0 => DelegationRole.Head, 1 => DelegationRole.Deputy, _ => DelegationRole.Adviser };
                        db.People.Add(new Person { UserId = user, DisplayName = $"Member {user}", FirstSeenAt = now, LastSeenAt = now });
                        db.Memberships.Add(new Membership { BodyId = b, UserId = user, DelegationCode = code, Role = role, JoinedAt = now, InvitedBy = 1001 });
                        members.Add(user);
                        if (k == 0 && code == codes[0])
                        {
                            heads.Add(user);
                        }
                    }
                }
            }

            if (bodies >= 5)
            {
                db.People.Add(new Person { UserId = FiveBodiesPerson, DisplayName = "In five bodies", FirstSeenAt = now, LastSeenAt = now });
                for (var b = 1; b <= 5; b++)
                {
                    db.Memberships.Add(new Membership { BodyId = b, UserId = FiveBodiesPerson, DelegationCode = codes[^1], Role = DelegationRole.Adviser, JoinedAt = now, InvitedBy = 1001 });
                }
            }

            return Task.CompletedTask;
        }, CancellationToken.None);
        foreach (var user in members.Append(FiveBodiesPerson))
        {
            bench.Emulator.RegisterUser(user, $"Member {user}");
        }

        // Inbound: the same members' commands, spread over every body (one body: its 60 people, many times each).
        string[] commands = ["/me", "/help", "/delegation"];
        var inbound = await WaveAsync(updates, handledOnly: false, () =>
        {
            for (var i = 0; i < updates; i++)
            {
                var user = members[(int)((i * 7919L) % members.Count)];
                bench.Emulator.SendText(user, user, commands[i % commands.Length]);
            }
        });

        // Fan-out: each circulation tells every other delegation of its body, each member privately (no group is linked).
        var drafts = new List<(long Head, int Id)>();
        for (var i = 0; i < circulations; i++)
        {
            var head = heads[i % heads.Count];
            var reply = await AskAsync(head, $"/draft_new Bench text {i}\nThe Council,");
            drafts.Add((head, int.Parse(System.Text.RegularExpressions.Regex.Match(reply, @"D(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        await bench.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var fanOut = await WaveAsync(circulations, handledOnly: true, () =>
        {
            foreach (var (head, id) in drafts)
            {
                bench.Emulator.SendText(head, head, $"/circulate D{id}");
            }
        });

        // /today for the person in five bodies, one at a time, update to reply.
        var latencies = new List<double>();
        for (var i = 0; i < todays; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await AskAsync(FiveBodiesPerson, "/today");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return new Figures(inbound, fanOut, Percentile(latencies, 0.5), Percentile(latencies, 0.99));

        // Messages per second from the first update sent until the last message arrived: every reply (inbound), or every
        // update handled and all it wrote delivered (fan-out, where the number of notices is the bot's to decide).
        async Task<double> WaveAsync(int sent, bool handledOnly, Action send)
        {
            var delivery = bench.Services.GetRequiredService<DeliveryStatus>();
            await delivery.WhenIdleAsync(CancellationToken.None);
            var handledBefore = await HandledAsync();
            Interlocked.Exchange(ref count, 0);
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref target, handledOnly ? int.MaxValue : sent);
            var started = Stopwatch.GetTimestamp();
            send();
            if (handledOnly)
            {
                while (await HandledAsync() < handledBefore + sent)
                {
                    await Task.Delay(5);
                }

                await delivery.WhenIdleAsync(CancellationToken.None);
            }
            else
            {
                await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(3)));
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Volatile.Write(ref target, int.MaxValue);
            return Volatile.Read(ref count) / elapsed;
        }

        async Task<int> HandledAsync()
        {
            await using var db = await bench.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.InboxUpdates, u => u.ProcessedAt != null);
        }

        async Task<string> AskAsync(long user, string text)
        {
            var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters[user] = reply;
            bench.Emulator.SendText(user, user, text);
            return await reply.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
