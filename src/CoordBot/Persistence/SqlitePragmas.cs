using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordBot.Persistence;

/// <summary>
/// Per-connection settings SQLite does not keep in the file: full fsync on commit (a recorded vote
/// survives a power cut, not only a crash), a busy timeout for the other processes that may read the
/// file (backups, Quartz), and foreign keys.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
