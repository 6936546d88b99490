using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Routing;

/// <summary>Everything a handler needs for one update, inside the update's unit of work.</summary>
public sealed class UpdateContext(CoordBotDb db, Update update, long chatId, ChatType chatType, Actor actor, DateTime nowUtc, string botUsername)
{
    public CoordBotDb Db { get; } = db;

    public Update Update { get; } = update;

    public long ChatId { get; } = chatId;

    public ChatType ChatType { get; } = chatType;

    public bool IsPrivate => ChatType == ChatType.Private;

    public Actor Actor { get; } = actor;

    /// <summary>The moment the update is handled, from the injected <see cref="TimeProvider"/>, in UTC.</summary>
    public DateTime NowUtc { get; } = nowUtc;

    public string BotUsername { get; } = botUsername;

    public Outbox Outbox { get; } = new(db, nowUtc);

    /// <summary>Replies in the chat the update came from; <paramref name="html"/> must have user text escaped.</summary>
    public void Reply(string html, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) => Outbox.Send(ChatId, html, buttons);

    /// <summary>Writes an audit entry in the same transaction as the change.</summary>
    public void Audit(string action, string details) =>
        Db.AuditEntries.Add(new AuditEntry { At = NowUtc, ActorUserId = Actor.UserId, Action = action, Details = details });
}
