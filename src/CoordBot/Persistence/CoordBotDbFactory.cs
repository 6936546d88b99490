using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>Contexts of the configured engine's type (<see cref="ISqlDialect.CreateContext"/>), typed as <see cref="CoordBotDb"/> for everyone else.</summary>
internal sealed class CoordBotDbFactory(DbContextOptions<CoordBotDb> options, ISqlDialect dialect) : IDbContextFactory<CoordBotDb>
{
    public CoordBotDb CreateDbContext() => dialect.CreateContext(options);
}
