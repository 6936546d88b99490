using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Tests.Support;

/// <summary>Update contexts over an unopened SQLite context: handlers' outbox writes can be read from the change tracker.</summary>
public static class TestContexts
{
    public static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    public static CoordBotDb Db() => new(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite("Data Source=:memory:").Options);

    public static UpdateContext Message(CoordBotDb db, string text, long userId = 42, long? chatId = null, bool isOperator = false)
    {
        var chat = chatId ?? userId;
        var update = new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 10,
                Date = Now,
                Text = text,
                Chat = new Chat { Id = chat, Type = chat < 0 ? ChatType.Supergroup : ChatType.Private },
                From = new User { Id = userId, FirstName = "Kaja" },
            },
        };
        return new UpdateContext(db, update, chat, chat < 0 ? ChatType.Supergroup : ChatType.Private, new Actor(userId, "Kaja", isOperator), Now, "CoordBot");
    }

    public static UpdateContext Button(CoordBotDb db, string data, long userId = 42)
    {
        var update = new Update
        {
            Id = 2,
            CallbackQuery = new CallbackQuery
            {
                Id = "cb1",
                From = new User { Id = userId, FirstName = "Kaja" },
                Data = data,
                ChatInstance = "x",
                Message = new Message { Id = 11, Date = Now, Chat = new Chat { Id = userId, Type = ChatType.Private } },
            },
        };
        return new UpdateContext(db, update, userId, ChatType.Private, new Actor(userId, "Kaja", false), Now, "CoordBot");
    }

    public static IReadOnlyList<OutboxMessage> Outgoing(CoordBotDb db) =>
        db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
}
