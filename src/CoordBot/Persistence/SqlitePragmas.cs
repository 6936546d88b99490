using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordBot.Persistence;

/// <summary>
/// Per-connection settings SQLite does not keep in the file: full fsync on commit (a recorded vote
/// survives a power cut, not only a crash), a busy timeout for the other processes that may read the
/// file (backups, Quartz), and foreign keys. The automatic WAL checkpoint threshold is raised (4 MB to
/// 40 MB) because <see cref="WalCheckpointer"/> checkpoints in the background; it stays as a safety net.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=10000;";

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
