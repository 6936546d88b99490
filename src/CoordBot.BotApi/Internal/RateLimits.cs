using CoordBot.BotApi;

namespace CoordBot.BotApi.Internal;

/// <summary>Telegram's published send limits: global per second, per private chat per second (with a small burst), per group per minute.</summary>
internal sealed class RateLimits(BotApiEmulatorOptions options)
{
    private readonly SlidingWindow global = Window(Math.Max(1, (int)options.GlobalPerSecond), options.GlobalPerSecond);
    private readonly Dictionary<long, SlidingWindow> perChat = [];

    /// <summary>Null when the send may go now (and is counted), otherwise the whole seconds to wait (at least 1).</summary>
    public int? TryAcquire(long chatId, DateTimeOffset now)
    {
        if (!options.EnforceLimits)
        {
            return null;
        }

        if (!perChat.TryGetValue(chatId, out var chat))
        {
            chat = chatId < 0
                ? new SlidingWindow(options.GroupPerMinute, TimeSpan.FromMinutes(1))
                : Window(Math.Max(1, options.PrivateBurst), options.PrivatePerSecond);
            perChat[chatId] = chat;
        }

        var wait = TimeSpan.FromTicks(Math.Max(global.WaitNeeded(now).Ticks, chat.WaitNeeded(now).Ticks));
        if (wait > TimeSpan.Zero)
        {
            return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }

        global.Record(now);
        chat.Record(now);
        return null;
    }

    // A burst of n at a sustained rate r means n events per n/r seconds.
    private static SlidingWindow Window(int burst, double perSecond) =>
        new(burst, TimeSpan.FromSeconds(burst / perSecond));
}
