using CoordBot.BotApi;
using CoordBot.Persistence;
using CoordBot.Cluster;
using CoordBot.Tests.Hardening;
using CoordBot.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// Fenced roles: an instance whose lock connection is cut (not its process) may still believe it is the sender until it
/// next checks that connection; the successor's term, raised before its first write, refuses every write of the old term.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class FencingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_sender_whose_lock_connection_is_cut_has_its_late_writes_refused_by_the_successors_term_and_nothing_is_sent_twice()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(ClusterHost.EmulatorOptions());
        var settings = ClusterHost.Settings(emulator, await TestDatabase.SettingsAsync(), webhook: true);
        // The first instance checks its lock connection only every 5 s: long enough to still act as the sender after the cut.
        await using var first = await ClusterHost.StartAsync(new Dictionary<string, string?>(settings) { ["Cluster:LeaderRetry"] = "00:00:05" });
        await first.Election.HeldAsync(Leadership.Sender, CancellationToken.None).WaitAsync(Patience);
        var oldTerm = first.Election.FenceOf(Leadership.Sender)!;
        await using var second = await ClusterHost.StartAsync(new Dictionary<string, string?>(settings) { ["Cluster:LeaderRetry"] = "00:00:00.1" });
        Assert.False(second.Election.Holds(Leadership.Sender));

        await CutLockConnectionAsync(settings["ConnectionStrings:CoordBot"]!, Leadership.Sender);
        await second.Election.HeldAsync(Leadership.Sender, CancellationToken.None).WaitAsync(Patience);
        var newTerm = second.Election.FenceOf(Leadership.Sender)!;

        Assert.True(newTerm.Term > oldTerm.Term, $"{newTerm} follows {oldTerm}");
        var late = await Assert.ThrowsAsync<TermSupersededException>(() =>
            first.Services.GetRequiredService<UnitOfWork>().RunAsync((db, ct) => oldTerm.CheckAsync(db, ct), CancellationToken.None));
        Assert.Equal(oldTerm, late.Fence);

        // Work for the sender right away: both instances hear of it, only the new term's claims commit.
        const long user = 8_100_001;
        emulator.RegisterUser(user, "Late");
        Assert.True(await first.PostAsync(WebhookBot.Message(user, "/fenced")));
        await emulator.WaitForMessageAsync(user, m => m.Text?.Contains("/fenced", StringComparison.Ordinal) == true, Patience);
        await second.Services.GetRequiredService<CoordBot.Telegram.Delivery.DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        Assert.Single(emulator.MessagesIn(user));
        Assert.Equal(newTerm, second.Election.FenceOf(Leadership.Sender));
    }

    /// <summary>Ends the server session holding <paramref name="role"/>'s advisory lock, as a dropped network link would; the process lives on.</summary>
    private static async Task CutLockConnectionAsync(string connectionString, Leadership role)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = @class AND objid = @key AND granted";
        command.Parameters.AddWithValue("class", (long)Leadership.ClassId);
        command.Parameters.AddWithValue("key", (long)role.Key);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
