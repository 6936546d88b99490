using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

public static class PersistenceRegistration
{
    public const string DefaultConnectionString = "Data Source=data/coordbot.db";

    public static string ResolveConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("CoordBot") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public static IHostApplicationBuilder AddCoordBotPersistence(this IHostApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(builder.Configuration);
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddDbContextFactory<CoordBotDb>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(services.GetRequiredService<SqlitePragmas>()));
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<UnitOfWork>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<WalCheckpointer>();
        EnsureDirectory(connectionString);
        return builder;
    }

    /// <summary>SQLite creates the file but not its folder; a fresh clone has no data/ folder.</summary>
    private static void EnsureDirectory(string connectionString)
    {
        string dataSource;
        try
        {
            dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"ConnectionStrings:CoordBot is not a valid SQLite connection string ({ex.Message})");
        }

        if (string.IsNullOrWhiteSpace(dataSource))
        {
            throw new ConfigurationException("ConnectionStrings:CoordBot needs a Data Source, for example \"Data Source=data/coordbot.db\"");
        }

        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
