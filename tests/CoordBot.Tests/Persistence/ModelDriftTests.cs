using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Tests.Persistence;

/// <summary>
/// The SQLite migrations are written by hand beside the PostgreSQL ones: a change to the model without a migration would
/// reach users only as a missing column. The PostgreSQL set is checked in its own test process (CoordBot.PostgreSql.Tests).
/// </summary>
public sealed class ModelDriftTests
{
    [Fact]
    public void The_sqlite_migrations_build_the_model_the_bot_uses()
    {
        using var db = new CoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no SQLite migration makes: add one (README, Schema changes)");
    }
}
