using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoordBot.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context CoordBotDb</c> build the SQLite model without starting the bot.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CoordBotDb>
{
    public CoordBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(DatabaseOptions.DefaultConnectionString).Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --context PostgreSqlCoordBotDb --output-dir Persistence/Migrations/PostgreSql</c>
/// build the PostgreSQL model. Adding a migration needs no server; the connection string is never opened.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgreSqlCoordBotDb>
{
    public PostgreSqlCoordBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoordBotDb>().UseNpgsql("Host=localhost;Database=coordbot").Options);
}
