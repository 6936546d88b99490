using System.Diagnostics;
using System.Globalization;
using CoordBot.BotApi;
using CoordBot.PostgreSql.Tests.Processes;
using CoordBot.Tests.PostgreSql;
using Npgsql;

namespace CoordBot.Benchmarks;

/// <summary>
/// <c>--cluster --profile</c>: where an update's time goes on PostgreSQL, for issue 26. The cluster's inbound part on
/// PostgreSQL (one instance, then two), measured from the outside while it runs: statements per update by kind
/// (<c>pg_stat_statements</c>, preloaded on the throw-away server for this run only), transactions per update, CPU
/// seconds of the bot processes, of the PostgreSQL server's processes and of this process (the emulator), and samples of
/// what the bot's sessions wait on (<c>pg_stat_activity</c>, every 20 ms).
/// </summary>
internal static class ClusterProfile
{
    /// <summary>Asks <see cref="PostgresServer"/> to preload the statement statistics; before its server starts.</summary>
    public static void PreloadStatistics() =>
        Environment.SetEnvironmentVariable(PostgresServer.ExtraOptionsVariable, "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all");

    public static async Task RunAsync(int updates, int users)
    {
        await ProfileAsync(1, postgres: false, updates, users);
        foreach (var instances in new[] { 1, 2 })
        {
            await ProfileAsync(instances, postgres: true, updates, users);
        }
    }

    private static async Task ProfileAsync(int instances, bool postgres, int updates, int users)
    {
        var warm = new ClusterBenchmark.Phase(2_500_000);
        var measured = new ClusterBenchmark.Phase(ClusterBenchmark.MeasuredUserBase);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions
        {
            EnforceLimits = false,
            MessageSent = m => (m.ChatId >= 2_500_000 ? warm : measured).Reply(),
        });
        var directory = Directory.CreateTempSubdirectory("coordbot-profile-");
        var connectionString = postgres ? await PostgresServer.CreateDatabaseAsync() : $"Data Source={Path.Combine(directory.FullName, "coordbot.db")}";
        await using var cluster = new BotCluster(emulator, connectionString, ClusterBenchmark.Unthrottled);
        var bots = new List<BotProcess>();
        for (var i = 0; i < instances; i++)
        {
            bots.Add(await cluster.StartReadyAsync($"coordbot-{(char)('a' + i)}"));
        }

        var cold = await warm.RunAsync(emulator, cluster, bots, ClusterBenchmark.WarmUp, ClusterBenchmark.WarmUpUsers);
        var coldCpu = bots.Sum(b => CpuSeconds(b.ProcessId));
        Console.WriteLine($"   profile {(postgres ? "PostgreSQL" : "SQLite")} x{instances}: warm-up {warm.Replies} replies in {cold.TotalSeconds:0.00} s ({warm.Replies / cold.TotalSeconds:0.0}/s), bots' CPU since their start {coldCpu:0.00} s");
        if (!postgres)
        {
            var before = (Bots: coldCpu, Self: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
            var took = await measured.RunAsync(emulator, cluster, bots, updates, users);
            var bots1 = bots.Sum(b => CpuSeconds(b.ProcessId)) - before.Bots;
            var self1 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - before.Self;
            Console.WriteLine($"   profile SQLite x1: {measured.Replies} replies in {took.TotalSeconds:0.00} s ({measured.Replies / took.TotalSeconds:0.0}/s), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine($"   CPU seconds: bot {bots1:0.00} ({bots1 * 1000 / updates:0.00} ms/update), emulator+posting {self1:0.00}");
            await cluster.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
            return;
        }

        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await ExecuteAsync(admin, "SELECT pg_stat_statements_reset()");
        var server = await ScalarAsync<int>(admin, "SELECT pg_backend_pid()");
        var commitsBefore = await ScalarAsync<long>(admin, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
        var postmaster = ParentOf(server);
        var cpuBefore = (Bots: bots.Sum(b => CpuSeconds(b.ProcessId)), Server: ServerCpuSeconds(postmaster), Self: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

        using var stop = new CancellationTokenSource();
        var waits = new Dictionary<string, int>();
        var samples = 0;
        var sampler = Task.Run(async () =>
        {
            await using var watcher = new NpgsqlConnection(connectionString);
            await watcher.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using (var command = watcher.CreateCommand())
                {
                    command.CommandText = "SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu'), state FROM pg_stat_activity WHERE application_name LIKE 'coordbot-%' AND state <> 'idle'";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var key = $"{reader.GetString(1)} / {reader.GetString(0)}";
                        waits[key] = waits.GetValueOrDefault(key) + 1;
                    }
                }

                samples++;
                await Task.Delay(20);
            }
        });

        var elapsed = await measured.RunAsync(emulator, cluster, bots, updates, users);
        var finished = measured.Finished;
        var replies = measured.Replies;
        await stop.CancelAsync();
        await sampler;

        var cpu = (Bots: bots.Sum(b => CpuSeconds(b.ProcessId)) - cpuBefore.Bots, Server: ServerCpuSeconds(postmaster) - cpuBefore.Server, Self: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore.Self);
        var transactions = await ScalarAsync<long>(admin, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()") - commitsBefore;
        Console.WriteLine($"   profile PostgreSQL x{instances}: {replies} replies in {elapsed.TotalSeconds:0.00} s ({replies / elapsed.TotalSeconds:0.0}/s){(finished ? "" : " TIMED OUT")}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"   CPU seconds: bots {cpu.Bots:0.00} ({cpu.Bots * 1000 / updates:0.00} ms/update), PostgreSQL {cpu.Server:0.00} ({cpu.Server * 1000 / updates:0.00} ms/update), emulator+posting {cpu.Self:0.00}; wall {elapsed.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores");
        Console.WriteLine($"   transactions (commits+rollbacks, approximate): {transactions} ({(double)transactions / updates:0.00}/update)");
        await using (var command = admin.CreateCommand())
        {
            command.CommandText = "SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC LIMIT 40";
            await using var reader = await command.ExecuteReaderAsync();
            long total = 0;
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                var calls = reader.GetInt64(0);
                total += calls;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"     {calls,7} {(double)calls / updates,6:0.00}/u {reader.GetDouble(1),8:0} ms  {reader.GetString(2)}"));
            }

            Console.WriteLine($"   statements (top 40 kinds, {total} calls, {(double)total / updates:0.00}/update):");
            lines.ForEach(Console.WriteLine);
        }

        Console.WriteLine($"   the bots' sessions, {samples} samples of pg_stat_activity (not idle):");
        foreach (var (key, count) in waits.OrderByDescending(w => w.Value).Take(15))
        {
            Console.WriteLine($"     {count,6} ({(double)count / Math.Max(1, samples):0.00}/sample) {key}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>User and system CPU seconds of a process and its waited-for children (/proc/pid/stat).</summary>
    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields from the state (3rd): utime is the 14th, stime the 15th, cutime 16th, cstime 17th.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return ticks / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The server's CPU: the postmaster's and its children's, living (their own time) or ended (counted in the postmaster's).</summary>
    private static double ServerCpuSeconds(int postmaster) =>
        CpuSeconds(postmaster) + Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != postmaster && IsChildOf(pid, postmaster))
            .Sum(CpuSeconds);

    private static bool IsChildOf(int pid, int parent)
    {
        try
        {
            return ParentOf(pid) == parent;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
