using System.Collections.Concurrent;
using CoordBot.BotApi;
using CoordBot.Cluster;
using CoordBot.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// An elected instance whose lock connection dies (the server ends that session, as a restart or a network cut would)
/// no longer holds its role: it stops the role's work, since another instance may take the lock at once, and asks again.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class LockLossTests
{
    /// <summary>Only a guard against a hang: every wait here is on a signal.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task When_the_poller_loses_its_lock_connection_it_stops_polling_takes_the_role_again_and_drops_nothing()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(ClusterHost.EmulatorOptions());
        var database = await TestDatabase.SettingsAsync();
        var settings = ClusterHost.Settings(emulator, database, webhook: false);
        var log = new ElectionLog();
        await using var host = await ClusterHost.StartAsync(settings, s => s.AddSingleton<ILoggerProvider>(log));
        await host.Election.HeldAsync(Leadership.Poller, CancellationToken.None).WaitAsync(Guard);
        Assert.Contains("I don't know /before", await AskAsync(emulator, 7201, "/before"), StringComparison.Ordinal);

        var lost = await LockHolderAsync(database, Leadership.Poller);
        Assert.NotNull(lost);
        await using (var admin = new NpgsqlConnection(database["ConnectionStrings:CoordBot"]))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            terminate.Parameters.AddWithValue("pid", lost.Value);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        // The "stop work" branch: the loss is noticed, the work is stopped (awaited) before the role is given up.
        await log.Said("The poller role's lock connection was lost").WaitAsync(Guard);
        await log.Said("gave up the poller role").WaitAsync(Guard);
        Assert.Equal(1, log.Count("gave up the poller role"));
        Assert.Equal(0, log.Count("gave up the sender role")); // only the role whose connection died

        // Nobody else asks, so this instance takes the role again on a new lock connection, and polls again.
        await host.Election.HeldAsync(Leadership.Poller, CancellationToken.None).WaitAsync(Guard);
        var again = await LockHolderAsync(database, Leadership.Poller);
        Assert.NotNull(again);
        Assert.NotEqual(lost, again);
        var waiting = Enumerable.Range(0, 5).Select(i => (User: 7210L + i, Text: $"/during{i}")).ToList();
        foreach (var (user, text) in waiting)
        {
            emulator.RegisterUser(user, $"User{user}");
            emulator.SendText(user, user, text);
        }

        await Task.WhenAll(waiting.Select(w => emulator.WaitForMessageAsync(w.User, m => m.Text?.Contains(w.Text, StringComparison.Ordinal) == true, Guard)));
        Assert.All(waiting, w => Assert.Single(emulator.MessagesIn(w.User)));
        Assert.Single(emulator.MessagesIn(7201));
    }

    /// <summary>The server process of the session holding <paramref name="role"/>'s advisory lock, if one does.</summary>
    private static async Task<int?> LockHolderAsync(IDictionary<string, string?> database, Leadership role)
    {
        await using var connection = new NpgsqlConnection(database["ConnectionStrings:CoordBot"]);
        await connection.OpenAsync();
        // A two-key advisory lock shows its keys as oids (unsigned 32-bit) in classid and objid, with objsubid 2.
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = @class AND objid::bigint = @key AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        command.Parameters.AddWithValue("class", (long)unchecked((uint)Leadership.ClassId));
        command.Parameters.AddWithValue("key", (long)unchecked((uint)role.Key));
        return await command.ExecuteScalarAsync() is int pid ? pid : null;
    }

    private static async Task<string?> AskAsync(BotApiEmulator emulator, long user, string text)
    {
        emulator.RegisterUser(user, $"User{user}");
        var last = emulator.MessagesIn(user).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        emulator.SendText(user, user, text);
        return (await emulator.WaitForMessageAsync(user, m => m.MessageId > last, Guard)).Text;
    }

    /// <summary>What the leader election logged, with a signal per phrase awaited.</summary>
    private sealed class ElectionLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waits = new(StringComparer.Ordinal);

        public Task Said(string phrase)
        {
            var wait = _waits.GetOrAdd(phrase, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (_messages.Any(m => m.Contains(phrase, StringComparison.Ordinal)))
            {
                wait.TrySetResult();
            }

            return wait.Task;
        }

        public int Count(string phrase) => _messages.Count(m => m.Contains(phrase, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(LeaderElection).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            _messages.Enqueue(message);
            foreach (var (phrase, wait) in _waits)
            {
                if (message.Contains(phrase, StringComparison.Ordinal))
                {
                    wait.TrySetResult();
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
