using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Routing;

/// <summary>Everything a handler needs for one update, inside the update's unit of work.</summary>
/// <param name="receivedAtUtc">When the bot received (stored) the update; the bound of <see cref="SentAtUtc"/>. Absent: the handling time.</param>
public sealed class UpdateContext(CoordBotDb db, Update update, long chatId, ChatType chatType, Actor actor, DateTime nowUtc, string botUsername, DateTime? receivedAtUtc = null)
{
    public CoordBotDb Db { get; } = db;

    public Update Update { get; } = update;

    public long ChatId { get; } = chatId;

    public ChatType ChatType { get; } = chatType;

    public bool IsPrivate => ChatType == ChatType.Private;

    public Actor Actor { get; private set; } = actor;

    /// <summary>The sender chose <paramref name="zone"/> during this update: what is shown to them next reads times there.</summary>
    public void ChoseZone(string zone) => Actor = Actor with { TimeZone = zone, ZoneChosen = true };

    /// <summary>The language of replies in this chat: the person's in a private chat, the group's in a group (English unless its delegation chose).</summary>
    public string Language => IsPrivate ? Actor.Language : Localization.ReaderLanguage.OfGroup(Actor.ChatLanguage);

    /// <summary>The moment the update is handled, from the injected <see cref="TimeProvider"/>, in UTC.</summary>
    public DateTime NowUtc { get; } = nowUtc;

    /// <summary>When the bot received the update (stored it in the inbox); never later than <see cref="NowUtc"/>.</summary>
    public DateTime ReceivedAtUtc { get; } = receivedAtUtc is { } received && received <= nowUtc ? received : nowUtc;

    /// <summary>
    /// When the sender sent it: the message's <c>date</c> as Telegram stamped it (whole seconds), never later
    /// than <see cref="ReceivedAtUtc"/> (a date from the future is not believed). A button press carries no
    /// send time, so it counts from its receipt. Judge deadlines by this, not by <see cref="NowUtc"/>: a ballot
    /// sent before the close while the bot was down still counts after the restart.
    /// </summary>
    public DateTime SentAtUtc => Update.Message is { } message && AsUtc(message.Date) is var date && date < ReceivedAtUtc
        ? date
        : ReceivedAtUtc;

    public string BotUsername { get; } = botUsername;

    public Outbox Outbox { get; } = new(db, nowUtc);

    /// <summary>Replies in the chat the update came from; <paramref name="html"/> must have user text escaped.</summary>
    public void Reply(string html, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) => Outbox.Send(ChatId, html, buttons);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>Writes an audit entry in the same transaction as the change.</summary>
    public void Audit(string action, string details) =>
        Db.AuditEntries.Add(new AuditEntry { At = NowUtc, ActorUserId = Actor.UserId, Action = action, Details = details });
}
