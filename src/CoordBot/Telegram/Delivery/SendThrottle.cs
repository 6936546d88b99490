using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Telegram's sending limits as a set of <see cref="SendWindow"/>s: one for the whole bot, one per chat
/// (private chats and groups have different allowances), plus the waits Telegram imposed with 429.
/// It answers "when may this chat send next" for the delivery scheduler, on whatever clock the caller
/// uses; nothing here sleeps. Not thread-safe: only the scheduler loop calls it.
/// </summary>
public sealed class SendThrottle
{
    private const int ForgetAbove = 4096;

    private readonly DeliveryOptions _options;
    private readonly Dictionary<long, SendWindow> _chats = [];
    private readonly Dictionary<long, DateTimeOffset> _chatBlockedUntil = [];
    private readonly SendWindow _global;
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    public SendThrottle(IOptions<DeliveryOptions> options)
    {
        _options = options.Value;
        _global = GlobalWindow(_options.EffectiveGlobalPerSecond);
    }

    /// <summary>When the bot as a whole may start its next send.</summary>
    public DateTimeOffset GlobalReadyAt(DateTimeOffset now) => Max(_global.NextSlot(now), _globalBlockedUntil);

    /// <summary>When <paramref name="chatId"/> may get its next message (ignoring the overall limit).</summary>
    public DateTimeOffset ChatReadyAt(long chatId, DateTimeOffset now)
    {
        var ready = _chats.TryGetValue(chatId, out var window) ? window.NextSlot(now) : now;
        return _chatBlockedUntil.TryGetValue(chatId, out var blocked) ? Max(ready, blocked) : ready;
    }

    /// <summary>Records a send to <paramref name="chatId"/> starting now; settle the ticket when Telegram has answered.</summary>
    public SendTicket Reserve(long chatId, DateTimeOffset now)
    {
        if (_chats.Count > ForgetAbove)
        {
            Forget(now);
        }

        if (!_chats.TryGetValue(chatId, out var window))
        {
            window = ChatWindow(chatId);
            _chats[chatId] = window;
        }

        var quiet = window.IsIdle(now);
        return new SendTicket(chatId, window.Reserve(now), _global.Reserve(now), quiet);
    }

    /// <summary>
    /// Counts a send made before this throttle existed (by an earlier sender term, here or on another instance),
    /// at <paramref name="at"/>. Call in time order, before the first <see cref="Reserve"/>.
    /// </summary>
    public void Remember(long chatId, DateTimeOffset at) => Settle(Reserve(chatId, at), at);

    public static void Settle(SendTicket ticket, DateTimeOffset answeredAt)
    {
        SendWindow.Settle(ticket.ChatSlot, answeredAt);
        SendWindow.Settle(ticket.GlobalSlot, answeredAt);
    }

    /// <summary>
    /// Telegram said 429 with retry_after: that chat waits exactly that long. A 429 carries no scope; when
    /// the chat had nothing counted against its own limit, its limit cannot be the cause, so this is the
    /// bot-wide flood limit and every chat waits. Returns true in that case.
    /// </summary>
    public bool TooManyRequests(SendTicket ticket, TimeSpan retryAfter, DateTimeOffset answeredAt)
    {
        Settle(ticket, answeredAt);
        var until = answeredAt + retryAfter;
        _chatBlockedUntil[ticket.ChatId] = _chatBlockedUntil.TryGetValue(ticket.ChatId, out var current) ? Max(current, until) : until;
        if (ticket.ChatWasQuiet)
        {
            _globalBlockedUntil = Max(_globalBlockedUntil, until);
            return true;
        }

        return false;
    }

    /// <summary>The limit a new chat gets: private chats by user id (positive), groups and channels negative.</summary>
    public SendWindow ChatWindow(long chatId) => chatId < 0
        ? new SendWindow(_options.GroupPerMinute, TimeSpan.FromMinutes(1))
        : new SendWindow(_options.PrivateBurst, TimeSpan.FromSeconds(_options.PrivateBurst / _options.PrivatePerSecond));

    /// <summary>
    /// N sends per N/rate seconds (N = the whole part of the rate), consecutive ones at least 90 % of the
    /// even spacing apart: no bursts that Telegram would see as a flood, yet a late wake-up is made up.
    /// </summary>
    public static SendWindow GlobalWindow(double perSecond)
    {
        var limit = Math.Max(1, (int)Math.Floor(perSecond));
        var window = TimeSpan.FromSeconds(limit / perSecond);
        return new SendWindow(limit, window, window / limit * 0.9);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (chatId, window) in _chats.ToList())
        {
            if (window.IsIdle(now))
            {
                _chats.Remove(chatId);
            }
        }

        foreach (var (chatId, until) in _chatBlockedUntil.ToList())
        {
            if (until <= now)
            {
                _chatBlockedUntil.Remove(chatId);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>One send's place in the chat's and the bot's windows.</summary>
public sealed record SendTicket(long ChatId, SendWindow.Slot ChatSlot, SendWindow.Slot GlobalSlot, bool ChatWasQuiet);
