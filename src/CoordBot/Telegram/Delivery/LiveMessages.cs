using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// The message that shows a changing state in a chat (who attends S2, the speakers on A7, the ballots received on
/// V3): the topic points to the outbox row that last wrote it, whose Telegram message id is known once it went.
/// </summary>
public sealed class LiveMessage
{
    public long ChatId { get; set; }

    /// <summary>What the message shows, e.g. <c>attendance:S2</c>.</summary>
    public required string Topic { get; set; }

    /// <summary>The outbox row that last sent or edited the message.</summary>
    public long OutboxMessageId { get; set; }

    /// <summary>The language and time zone it is written for (the chat's reader), so that an edit from elsewhere reads the same.</summary>
    public string Language { get; set; } = Localization.Languages.English;

    public string? TimeZone { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class LiveMessageConfiguration : IEntityTypeConfiguration<LiveMessage>
{
    public void Configure(EntityTypeBuilder<LiveMessage> builder)
    {
        builder.ToTable("LiveMessages");
        builder.HasKey(m => new { m.ChatId, m.Topic });
        builder.Property(m => m.Topic).HasMaxLength(64);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.HasIndex(m => m.Topic);
    }
}

/// <summary>
/// Edit in place: a state that changes updates its message instead of adding one. The edit needs the Telegram id of
/// the message shown, so a message not delivered (or not recorded as delivered) yet, failed, or swept away by retention is
/// replaced by a new one;
/// one Telegram refuses to edit (deleted, too old) is sent anew by the sender (<see cref="TelegramBotSender"/>).
/// </summary>
public static class LiveMessages
{
    /// <summary>
    /// Shows <paramref name="html"/> as the live message of <paramref name="topic"/> in <paramref name="chatId"/>: an
    /// edit of the one shown, or a new message (always new with <paramref name="asNew"/>: the reply to a typed command
    /// must be seen below it). Saves the unit of work's changes so far (the new row needs its id).
    /// </summary>
    public static async Task ShowAsync(
        CoordBotDb db,
        Outbox outbox,
        long chatId,
        string topic,
        string html,
        IReadOnlyList<IReadOnlyList<Button>>? buttons,
        DateTime nowUtc,
        bool asNew,
        string language,
        string? timeZone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        var live = await db.Set<LiveMessage>().SingleOrDefaultAsync(m => m.ChatId == chatId && m.Topic == topic, cancellationToken);
        var shown = asNew || live is null ? null : await ShownAsync(db, live.OutboxMessageId, cancellationToken);
        var row = shown is var (messageId, _) ? outbox.EditText(chatId, messageId, html, buttons) : outbox.Send(chatId, html, buttons);
        await db.SaveChangesAsync(cancellationToken);
        if (live is null)
        {
            db.Set<LiveMessage>().Add(new LiveMessage { ChatId = chatId, Topic = topic, OutboxMessageId = row.Id, Language = language, TimeZone = timeZone, UpdatedAt = nowUtc });
        }
        else
        {
            live.OutboxMessageId = row.Id;
            live.Language = language;
            live.TimeZone = timeZone;
            live.UpdatedAt = nowUtc;
        }
    }

    /// <summary>
    /// Edits every shown live message of <paramref name="topic"/> with what <paramref name="render"/> writes for it, given
    /// its buttons as they were (null: leave it). A message that cannot be edited is left as it is: the news is not pushed into chats that did not ask.
    /// </summary>
    public static async Task RefreshAsync(
        CoordBotDb db,
        Outbox outbox,
        string topic,
        Func<LiveMessage, IReadOnlyList<IReadOnlyList<Button>>?, Task<(string Html, IReadOnlyList<IReadOnlyList<Button>>? Buttons)?>> render,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(render);
        var lives = await db.Set<LiveMessage>().Where(m => m.Topic == topic).ToListAsync(cancellationToken);
        var edits = new List<(LiveMessage Live, OutboxMessage Row)>();
        foreach (var live in lives)
        {
            if (await ShownAsync(db, live.OutboxMessageId, cancellationToken) is var (messageId, previous) && await render(live, Outbox.ParseButtons(previous)) is var (html, buttons))
            {
                edits.Add((live, outbox.EditText(live.ChatId, messageId, html, buttons)));
            }
        }

        if (edits.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (live, row) in edits)
        {
            live.OutboxMessageId = row.Id;
            live.UpdatedAt = nowUtc;
        }
    }

    /// <summary>
    /// Makes <paramref name="row"/> (a message just queued or edited) the live message of <paramref name="topic"/> in
    /// <paramref name="chatId"/>. Saves the unit of work's changes so far (the row needs its id).
    /// </summary>
    public static async Task PointAsync(CoordBotDb db, long chatId, string topic, OutboxMessage row, string language, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        await db.SaveChangesAsync(cancellationToken);
        var live = await db.Set<LiveMessage>().SingleOrDefaultAsync(m => m.ChatId == chatId && m.Topic == topic, cancellationToken);
        if (live is null)
        {
            db.Set<LiveMessage>().Add(new LiveMessage { ChatId = chatId, Topic = topic, OutboxMessageId = row.Id, Language = language, UpdatedAt = nowUtc });
        }
        else
        {
            live.OutboxMessageId = row.Id;
            live.Language = language;
            live.UpdatedAt = nowUtc;
        }
    }

    /// <summary>
    /// Edits the live message of <paramref name="topic"/> in <paramref name="chatId"/> if it has been shown (a question
    /// answered loses its buttons); nothing when there is none or it has not gone yet: no new message is sent for it.
    /// </summary>
    public static async Task EditShownAsync(
        CoordBotDb db, Outbox outbox, long chatId, string topic, string html, IReadOnlyList<IReadOnlyList<Button>>? buttons, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        var live = await db.Set<LiveMessage>().SingleOrDefaultAsync(m => m.ChatId == chatId && m.Topic == topic, cancellationToken);
        if (live is null || await ShownAsync(db, live.OutboxMessageId, cancellationToken) is not var (messageId, _))
        {
            return;
        }

        var row = outbox.EditText(chatId, messageId, html, buttons);
        await db.SaveChangesAsync(cancellationToken);
        live.OutboxMessageId = row.Id;
        live.UpdatedAt = nowUtc;
    }

    /// <summary>The Telegram id of the live message of <paramref name="topic"/> in <paramref name="chatId"/>, once shown; null otherwise.</summary>
    public static async Task<int?> ShownIdAsync(CoordBotDb db, long chatId, string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var live = await db.Set<LiveMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.ChatId == chatId && m.Topic == topic, cancellationToken);
        return live is not null && await ShownAsync(db, live.OutboxMessageId, cancellationToken) is var (messageId, _) ? messageId : null;
    }

    /// <summary>The Telegram message a row sent or edited, once it went, and its buttons; null while it waits, if it failed or is gone.</summary>
    private static async Task<(int MessageId, string? Buttons)?> ShownAsync(CoordBotDb db, long outboxMessageId, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Id == outboxMessageId)
            .Select(m => new { m.Status, m.Kind, m.TelegramMessageId, m.TargetMessageId, m.Buttons })
            .SingleOrDefaultAsync(cancellationToken);
        return row switch
        {
            { Status: OutboxStatus.Sent, TelegramMessageId: { } id } => (id, row.Buttons),

            // An edit names its message before it goes: one that changed nothing ("message is not modified") went without an
            // id of its own, and one still waiting goes before any later edit of the chat (a chat's messages go in order).
            { Status: OutboxStatus.Sent or OutboxStatus.Pending, Kind: OutboxKind.EditText, TargetMessageId: { } target } => (target, row.Buttons),
            _ => null,
        };
    }
}
