using Microsoft.Data.Sqlite;

namespace CoordBot.Persistence;

/// <summary>A SQLite file the bot cannot create or write, told as a configuration error naming its key and path.</summary>
internal static class UnwritableDatabase
{
    public static bool Is(Exception ex) => ex is SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>Throws an <see cref="IOException"/> when <paramref name="path"/> is a folder, which SQLite reports only as a vague I/O error.</summary>
    public static void RefuseFolder(string? path)
    {
        if (path is not null && Directory.Exists(path))
        {
            throw new IOException("it is a folder, not a file");
        }
    }

    public static ConfigurationException Error(string key, string path, Exception ex) =>
        new($"{key} names a database the bot cannot create or write ({path}): {Reason(ex)}");

    private static string Reason(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 8 } => "the file is read-only",
        SqliteException { SqliteErrorCode: 14 } => "the file cannot be opened (is its folder missing or read-only?)",
        SqliteException sqlite => sqlite.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal).ReplaceLineEndings(" "),
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
