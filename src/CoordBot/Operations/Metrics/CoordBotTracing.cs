using System.Diagnostics;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Telegram.Bot.Types;

namespace CoordBot.Operations.Metrics;

/// <summary>
/// The bot's one ActivitySource: an "update" span per handled update and a "send" span per request to
/// Telegram, joined through the outbox row's stored traceparent (the send happens later, on another
/// loop, possibly after a restart). Spans carry ids and the command's name only, never council business
/// or anything a user wrote.
/// </summary>
public static class CoordBotTracing
{
    public const string SourceName = "CoordBot";

    /// <summary>Process-wide like every ActivitySource; nothing is recorded unless a listener (the SDK, a test) asks.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of handling one update; null when nobody listens.</summary>
    public static Activity? StartUpdate(long updateId, long chatId, Update update)
    {
        var activity = Source.StartActivity("update", ActivityKind.Consumer);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("update.id", updateId);
        activity.SetTag("chat.id", chatId);
        if (LogScopes.CommandName(update) is { } command)
        {
            activity.SetTag("command", command);
        }

        return activity;
    }

    /// <summary>The W3C traceparent of the current span, for an outbox row written under it; null outside any.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The span of one request to Telegram, a child of the span that wrote the row when it carries one.</summary>
    public static Activity? StartSend(OutboxMessage row)
    {
        // A row written outside any span (or before traces existed) starts a trace of its own rather than
        // joining whatever happens to be current on the delivery loop.
        if (!ActivityContext.TryParse(row.TraceParent, null, out var parent))
        {
            Activity.Current = null;
        }

        var activity = Source.StartActivity("send", ActivityKind.Client, parent);
        activity?.SetTag("outbox.id", row.Id);
        activity?.SetTag("chat.id", row.ChatId);
        return activity;
    }

    /// <summary>How the span ended: the same outcome names as the coordbot_messages_sent counter (or expired, unclaimed).</summary>
    public static void Outcome(Activity? activity, string outcome)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("outcome", outcome);
        if (outcome is not ("sent" or "expired"))
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
