using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoordBot.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CoordBotDb>
{
    public CoordBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoordBotDb>().UseSqlite(DatabaseOptions.DefaultConnectionString).Options);
}
