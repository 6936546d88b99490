using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CoordBot.Operations.Metrics;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Operations;

/// <summary>
/// Activity listeners are process-wide: these tests run alone (with the metrics tests), and still pick
/// their spans by the chat and the trace they caused.
/// </summary>
[Collection(MetricsRunAlone.Name)]
public sealed class TracingTests
{
    private const long User = 4711;

    private static readonly string[] AllowedTags = ["update.id", "chat.id", "command", "outbox.id", "outcome"];

    [Fact]
    public async Task A_start_is_one_trace_from_its_update_to_its_reply_and_no_span_carries_text()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CoordBotTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var bot = await BotHarness.StartAsync();

        // The argument is something a user wrote: it must not reach any span.
        var reply = await bot.AskAsync(User, "/start Quokka42");
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        var update = Assert.Single(stopped, a => a.OperationName == "update" && Equals(a.GetTagItem("chat.id"), User));
        Assert.Equal("start", update.GetTagItem("command"));
        Assert.IsType<long>(update.GetTagItem("update.id"));

        var trace = stopped.Where(a => a.TraceId == update.TraceId).ToList();
        var sends = trace.Where(a => a.OperationName == "send").ToList();
        Assert.NotEmpty(sends);
        Assert.All(sends, send =>
        {
            Assert.Equal(update.SpanId, send.ParentSpanId);
            Assert.Equal(User, send.GetTagItem("chat.id"));
            Assert.IsType<long>(send.GetTagItem("outbox.id"));
            Assert.Equal("sent", send.GetTagItem("outcome"));
        });

        // Ids, the command's name and the outcome only: neither what the user wrote nor what the bot answered.
        var tags = trace.SelectMany(a => a.TagObjects).ToList();
        Assert.All(tags, t => Assert.Contains(t.Key, AllowedTags));
        var values = tags.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.DoesNotContain(values, v => v is not null && v.Contains("Quokka42", StringComparison.Ordinal));
        Assert.DoesNotContain(reply.Text, values);
    }
}
