using CoordBot.BotApi;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Receiving;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Operations;

/// <summary>
/// Meters are found by name across the process, so counters of bots in parallel tests would mix with
/// this one's: the metrics tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsRunAlone
{
    public const string Name = "metrics";
}

[Collection(MetricsRunAlone.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task After_a_scripted_run_the_prometheus_output_counts_what_happened()
    {
        await using var bot = await OperationsTestHost.StartAsync();
        bot.Emulator.InjectFault(new EmulatorFault(Method: "sendMessage", Count: 1, Kind: FaultKind.TooManyRequests, RetryAfterSeconds: 1));
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            db.Votes.Add(new Vote { DraftId = 1, Version = 1, Title = "t", Text = "x", TextHash = "h", VotingCodes = "EST", OpenedAt = now, ClosesAt = now.AddDays(1) });
            return Task.CompletedTask;
        }, CancellationToken.None);

        foreach (var user in new long[] { 41, 42, 43 })
        {
            await bot.AskAsync(user, "/start");
        }

        await bot.Services.GetRequiredService<InboxDispatcher>().DrainAsync(CancellationToken.None);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var metrics = await ScrapeAsync(bot);

        Assert.Equal(3, Value(metrics, "coordbot_updates_received_total"));
        Assert.Equal(3, Value(metrics, "coordbot_updates_handled_total", "outcome=\"ok\""));
        Assert.Equal(3, Value(metrics, "coordbot_update_handling_duration_seconds_count"));
        Assert.Equal(3, Value(metrics, "coordbot_messages_sent_total", "outcome=\"sent\""));
        Assert.Equal(1, Value(metrics, "coordbot_messages_sent_total", "outcome=\"429\""));
        Assert.Equal(1, Value(metrics, "coordbot_telegram_retry_after_seconds_sum"));
        Assert.Equal(0, Value(metrics, "coordbot_inbox_backlog"));
        Assert.Equal(0, Value(metrics, "coordbot_outbox_backlog"));
        Assert.Equal(1, Value(metrics, "coordbot_votes_open"));
        Assert.Equal(0, Value(metrics, "coordbot_drafts_under_silence"));
    }

    private static async Task<string> ScrapeAsync(Support.BotHarness bot)
    {
        using var http = new HttpClient { BaseAddress = bot.Endpoint() };
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> (with <paramref name="label"/> when given).</summary>
    private static double Value(string metrics, string name, string? label = null)
    {
        var lines = metrics.Split('\n')
            .Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
                && (label is null || l.Contains(label, StringComparison.Ordinal)))
            .ToList();
        Assert.True(lines.Count == 1, $"expected one sample of {name} {label}, found {lines.Count} in:\n{metrics}");
        // "name{labels} value" or "name{labels} value timestamp"
        var afterLabels = lines[0][(lines[0].LastIndexOf('}') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(afterLabels[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
