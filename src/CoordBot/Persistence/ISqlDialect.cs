using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// Everything the bot says differently to SQLite and to PostgreSQL, in one seam chosen by
/// <c>Database:Provider</c>: the EF provider and its per-connection settings, the migration steps around
/// EF's own, the inbox's insert that skips a known update, how inbound work and outbox rows are claimed, and the health probe. Code outside Persistence
/// writes no provider-specific SQL of its own.
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>Points EF at this engine (provider, connection string, interceptors).</summary>
    void Configure(DbContextOptionsBuilder options, IServiceProvider services);

    /// <summary>The context for this engine: each provider has its own migrations, found by the context's type.</summary>
    CoordBotDb CreateContext(DbContextOptions<CoordBotDb> options);

    /// <summary>Creates what the database needs, applies the migrations and proves it takes writes; throws <see cref="ConfigurationException"/> when it cannot.</summary>
    Task MigrateAsync(IDbContextFactory<CoordBotDb> factory, CancellationToken cancellationToken);

    /// <summary>
    /// One inbox row with parameters <c>@id</c>, <c>@chat</c>, <c>@payload</c> and <c>@at</c>; a row whose update_id is
    /// already stored is skipped (affects 0 rows) instead of failing the transaction.
    /// </summary>
    string InsertInboxUpdateIfNew { get; }

    /// <summary>
    /// True where several instances write the same database side by side (PostgreSQL): inbound work is claimed per chat
    /// (<see cref="ClaimChatHeads"/>), outbox rows are claimed by the sender's term, and shared rows are locked where they
    /// are changed (<see cref="Contention"/>). False on SQLite, whose one writer (the process's <see cref="WriteGate"/>) is the whole lock.
    /// </summary>
    bool ClaimsRows { get; }

    /// <summary>
    /// Where <see cref="ClaimsRows"/>: locks, with <c>FOR UPDATE SKIP LOCKED</c>, the oldest unhandled update of up to
    /// <c>@chats</c> chats nobody else is handling, and reads, oldest first and at most <c>@max</c>, the unhandled updates of
    /// the claimed chats (<c>UpdateId</c>, <c>ChatId</c>, <c>Payload</c>, <c>ReceivedAt</c>, and how many chats were
    /// claimed). Holding a chat's head until the commit is the claim on the chat: no other instance can take that chat's
    /// later updates, since the head is older and still unhandled. Null on SQLite.
    /// </summary>
    string? ClaimChatHeads { get; }

    /// <summary>A statement that tells the other instances that updates were stored (delivered at commit); null on SQLite.</summary>
    string? AnnounceInbox { get; }

    /// <summary>A UTC instant as this engine's EF provider stores it, for parameters of plain SQL.</summary>
    object Timestamp(DateTime utc);

    /// <summary>What the bot's data takes on disk (for /status): the SQLite files with their logs, or the PostgreSQL database.</summary>
    Task<long> SizeAsync(CancellationToken cancellationToken);

    /// <summary>Null when the database answers a query over a fresh connection; otherwise why not.</summary>
    Task<string?> ProbeAsync(CancellationToken cancellationToken);
}
