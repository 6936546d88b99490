using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

/// <summary>The bot's database, from <c>ConnectionStrings:CoordBot</c> (the key is a contract with operators).</summary>
public sealed class DatabaseOptions
{
    public const string Key = "ConnectionStrings:CoordBot";

    public const string DefaultConnectionString = "Data Source=data/coordbot.db";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>The configured connection string, or the default: for the verbs that run without a host.</summary>
    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString("CoordBot") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>
    /// The connection string the running bot uses: once <see cref="DatabaseMigrator"/> has created the file,
    /// nothing may create it again. A file that vanishes (a wrong volume, a careless restore) must show as
    /// an error (and an unready bot), not as a fresh, empty council.
    /// </summary>
    public string RuntimeConnectionString
    {
        get
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            if (FilePath is not null && builder.Mode == SqliteOpenMode.ReadWriteCreate)
            {
                builder.Mode = SqliteOpenMode.ReadWrite;
            }

            return builder.ToString();
        }
    }

    /// <summary>The file the connection string names, as a full path; null for an in-memory or URI database.</summary>
    public string? FilePath => FileOf(ConnectionString);

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
}
