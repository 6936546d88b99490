using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// Everything the bot says differently to SQLite and to PostgreSQL, in one seam chosen by
/// <c>Database:Provider</c>: the EF provider and its per-connection settings, the migration steps around
/// EF's own, the inbox's insert that skips a known update, and the health probe. Code outside Persistence
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
    /// Run once per unit of work, right after its transaction began: on PostgreSQL it takes the cluster's write lock
    /// (a transaction-scoped advisory lock, released by the commit or rollback, or by the server when the connection
    /// dies), so the instances of a cluster write one at a time, as SQLite's one writer does; on SQLite it does nothing.
    /// </summary>
    Task EnterWriteAsync(System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>A statement that tells the other instances that updates were stored (delivered at commit); null on SQLite.</summary>
    string? AnnounceInbox { get; }

    /// <summary>A UTC instant as this engine's EF provider stores it, for parameters of plain SQL.</summary>
    object Timestamp(DateTime utc);

    /// <summary>What the bot's data takes on disk (for /status): the SQLite files with their logs, or the PostgreSQL database.</summary>
    Task<long> SizeAsync(CancellationToken cancellationToken);

    /// <summary>Null when the database answers a query over a fresh connection; otherwise why not.</summary>
    Task<string?> ProbeAsync(CancellationToken cancellationToken);
}
