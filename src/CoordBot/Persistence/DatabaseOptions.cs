using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordBot.Persistence;

/// <summary>Which engine holds the bot's data: a SQLite file (the default, no server) or a PostgreSQL server (scale-out).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The bot's database, from <c>ConnectionStrings:CoordBot</c> and <c>Database:Provider</c> (both keys are
/// contracts with operators).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Key = "ConnectionStrings:CoordBot";

    public const string ProviderKey = "Database:Provider";

    public const string DefaultConnectionString = "Data Source=data/coordbot.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>The configured provider's name, as written (validated, so a typo stops the start instead of silently meaning SQLite).</summary>
    public string? ProviderName { get; set; }

    /// <summary>The provider; SQLite when none is configured (or, until validation refuses it, when the name is unknown).</summary>
    public DatabaseProvider Provider => ParseProvider(ProviderName) ?? DatabaseProvider.Sqlite;

    /// <summary>The configured connection string, or the default: for the verbs that run without a host.</summary>
    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString("CoordBot") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>The options as the running bot reads them: for the verbs and registrations that run without a host.</summary>
    public static DatabaseOptions From(IConfiguration configuration) => new()
    {
        ConnectionString = ConnectionStringFrom(configuration),
        ProviderName = configuration[ProviderKey],
    };

    /// <summary>Null for a name that is no provider; an empty name is the default, SQLite.</summary>
    public static DatabaseProvider? ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => null,
    };

    /// <summary>Where a PostgreSQL connection string points, without its password: for messages and logs.</summary>
    public static string DescribeServer(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "an unreadable PostgreSQL connection string";
        }
    }

    /// <summary>
    /// The connection string the running bot uses: once <see cref="DatabaseMigrator"/> has created the file,
    /// nothing may create it again. A file that vanishes (a wrong volume, a careless restore) must show as
    /// an error (and an unready bot), not as a fresh, empty council.
    /// </summary>
    public string RuntimeConnectionString
    {
        get
        {
            if (Provider == DatabaseProvider.PostgreSql)
            {
                // A server's database is created by the migrator alone; nothing of the kind to forbid here.
                return ConnectionString;
            }

            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            if (FilePath is not null && builder.Mode == SqliteOpenMode.ReadWriteCreate)
            {
                builder.Mode = SqliteOpenMode.ReadWrite;
            }

            return builder.ToString();
        }
    }

    /// <summary>The file the connection string names, as a full path; null for an in-memory or URI database, or a server.</summary>
    public string? FilePath => Provider == DatabaseProvider.PostgreSql ? null : FileOf(ConnectionString);

    /// <summary>The file a SQLite connection string names, as a full path; null for none, in-memory or a URI.</summary>
    public static string? FileOf(string? connectionString)
    {
        var dataSource = connectionString is null ? null : new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(dataSource);
    }
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        switch (DatabaseOptions.ParseProvider(options.ProviderName))
        {
            case null:
                return ValidateOptionsResult.Fail($"{DatabaseOptions.ProviderKey} must be Sqlite or PostgreSQL (got \"{options.ProviderName}\")");
            case DatabaseProvider.PostgreSql:
                return ValidatePostgreSql(options.ConnectionString);
            default:
                break;
        }

        string dataSource;
        try
        {
            dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} is not a valid SQLite connection string ({ex.Message})");
        }

        return string.IsNullOrWhiteSpace(dataSource)
            ? ValidateOptionsResult.Fail($"{DatabaseOptions.Key} needs a Data Source, for example \"{DatabaseOptions.DefaultConnectionString}\"")
            : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidatePostgreSql(string connectionString)
    {
        const string Example = "\"Host=db;Database=coordbot;Username=coordbot;Password=...\"";
        if (connectionString == DatabaseOptions.DefaultConnectionString)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} must name the PostgreSQL server when {DatabaseOptions.ProviderKey} is PostgreSQL, for example {Example}");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{DatabaseOptions.Key} needs a Host for PostgreSQL, for example {Example}")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The message names the offending keyword, never the value (which may be a password).
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Key} is not a valid PostgreSQL connection string ({ex.Message})");
        }
    }
}
