using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CoordBot.Tests.PostgreSql;

/// <summary>
/// A throw-away PostgreSQL server for this test process, started from the installed binaries (Debian's
/// <c>postgresql</c> package: <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>) on a temporary directory and a free
/// loopback port, and stopped and removed when the process ends. The server refuses to run as root, so under root it runs
/// as the <c>postgres</c> system user the package creates. Each test gets a database of its own.
/// </summary>
public static class PostgresServer
{
    /// <summary>Set to <c>PostgreSQL</c> to run the bot hosts of the end-to-end tests (<c>BotHarness</c>) on this server.</summary>
    public const string EndToEndVariable = "COORDBOT_TEST_DATABASE";

    /// <summary>More server options for this process's server (<c>-c name=value ...</c>), e.g. the benchmark's profile preloading <c>pg_stat_statements</c>.</summary>
    public const string ExtraOptionsVariable = "COORDBOT_TEST_PG_OPTIONS";

    private static readonly Lazy<Task<Instance>> Started = new(StartAsync);
    private static int _databases;

    /// <summary>Null when a server can be started here; otherwise why not (the tests that need one are skipped with it).</summary>
    public static string? MissingReason { get; } = FindMissingReason();

    /// <summary>True when the end-to-end tests are asked to run on PostgreSQL (<see cref="EndToEndVariable"/>).</summary>
    public static bool ForEndToEnd =>
        string.Equals(Environment.GetEnvironmentVariable(EndToEndVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new, empty database on the shared server; its connection string.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(template: null);

    /// <summary>
    /// A new database on the shared server holding the bot's schema and Quartz's, copied from a template migrated once
    /// per process (<see cref="Support.DatabaseTemplate"/>); its connection string. The template takes no connections
    /// once made, so no test can change what the next one copies.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync() => await CreateDatabaseAsync(await Template.Value);

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private static async Task<string> CreateTemplateAsync()
    {
        var server = await Started.Value;
        var connectionString = await CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await Support.DatabaseTemplate.PrepareAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:CoordBot"] = connectionString,
        });
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false";
            await command.ExecuteNonQueryAsync();
        }

        return name;
    }

    private static async Task<string> CreateDatabaseAsync(string? template)
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var server = await Started.Value;
        var name = string.Create(CultureInfo.InvariantCulture, $"coordbot_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await command.ExecuteNonQueryAsync();
        }

        return server.ConnectionString(name);
    }

    private static string? FindMissingReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the PostgreSQL tests start a server from Debian's binaries and run on Linux only";
        }

        if (Binaries() is null)
        {
            return "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb and pg_ctl): install them with `apt-get install -y postgresql` to run the PostgreSQL tests";
        }

        return IsRoot() && !File.Exists("/usr/sbin/runuser")
            ? "running as root without runuser: PostgreSQL refuses to run as root and cannot be started as the postgres user"
            : null;
    }

    /// <summary>The bin directory of the newest installed server.</summary>
    private static string? Binaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static bool IsRoot() => Environment.UserName == "root";

    private static async Task<Instance> StartAsync()
    {
        var bin = Binaries()!;
        var parent = Path.Combine(Path.GetTempPath(), "coordbot-pg");
        RemoveAbandoned(parent);
        var directory = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        }

        var data = Path.Combine(directory, "data");
        var port = FreePort();
        // Trust on loopback only; fsync off: a test server's data need not survive a power cut.
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], IsRoot());
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off {Environment.GetEnvironmentVariable(ExtraOptionsVariable)}");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], IsRoot());

        WatchForExit(bin, directory, data);
        return new Instance(port);
    }

    /// <summary>
    /// The server is a daemon of its own (pg_ctl detaches it), so it would outlive this process, and the test runner
    /// ends a test process without running its exit handlers. A detached watcher waits for this process to end, however
    /// it ends, then stops the server at once (its data is thrown away) and removes the directory.
    /// </summary>
    private static void WatchForExit(string bin, string directory, string data)
    {
        var stop = IsRoot() ? $"runuser -u postgres -- '{bin}/pg_ctl'" : $"'{bin}/pg_ctl'";
        var script = string.Create(CultureInfo.InvariantCulture,
            $"exec >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; {stop} -D '{data}' -m immediate -w stop; rm -rf '{directory}'");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var watcher = Process.Start(start) ?? throw new InvalidOperationException("the server's exit watcher did not start");
    }

    /// <summary>A directory whose server no longer runs (its watcher was itself killed) is removed by the next run.</summary>
    private static void RemoveAbandoned(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(parent))
        {
            var pidFile = Path.Combine(directory, "data", "postmaster.pid");
            // A young directory may be another test process's server still in initdb (no pid file yet): left alone.
            var running = Directory.GetLastWriteTimeUtc(directory) > TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-30) || File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Directory.Exists($"/proc/{pid}");
            if (!running)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Another run may be removing it too.
                }
            }
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        // pg_ctl start leaves the server running with these pipes inherited: read them to their end only on failure.
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Instance(int Port)
    {
        public string ConnectionString(string database) => string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true");
    }
}
