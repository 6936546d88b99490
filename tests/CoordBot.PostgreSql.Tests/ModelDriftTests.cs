using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.PostgreSql.Tests;

/// <summary>The PostgreSQL migrations make the model the bot uses on PostgreSQL (no server needed: nothing is opened).</summary>
public sealed class ModelDriftTests
{
    [Fact]
    public void The_postgresql_migrations_build_the_model_the_bot_uses()
    {
        using var db = new PostgreSqlCoordBotDb(new DbContextOptionsBuilder<CoordBotDb>().UseNpgsql("Host=localhost;Database=coordbot").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration makes: add one (README, Schema changes)");
    }
}
