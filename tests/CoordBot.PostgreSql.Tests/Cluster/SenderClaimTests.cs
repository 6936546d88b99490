using CoordBot.Cluster;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoordBot.PostgreSql.Tests.Cluster;

/// <summary>
/// The elected sender's claims of outbox rows (<see cref="OutboxReader.ClaimPendingAsync"/>): a new term first takes back
/// the rows an earlier term loaded and never sent, then reads only rows never loaded, so it never claims twice what it holds.
/// On the database alone (no bot runs, so no other sender claims beside the test's).
/// </summary>
[Collection(SharedServer.Name)]
public sealed class SenderClaimTests
{
    [SkippableFact]
    public async Task A_new_terms_claims_take_back_the_earlier_terms_unsent_rows_then_only_new_ones_and_never_its_own_again()
    {
        Skip.If(PostgresServer.MissingReason is not null, PostgresServer.MissingReason);
        var settings = await TestDatabase.SettingsAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.AddCoordBotPersistence();
        using var host = builder.Build();
        await using (var schema = await host.Services.GetRequiredService<IDbContextFactory<CoordBotDb>>().CreateDbContextAsync())
        {
            await schema.Database.MigrateAsync();
        }

        var unitOfWork = host.Services.GetRequiredService<UnitOfWork>();
        var reader = new OutboxReader(unitOfWork);
        var fence = new Fence(Leadership.Sender, await unitOfWork.RunAsync((db, ct) => RaiseTermAsync(db, ct), CancellationToken.None));

        // An earlier term loaded two rows and stopped before sending them; this term already holds one; three are new.
        var earlier = await AddAsync(unitOfWork, [fence.Term - 1, fence.Term - 1]);
        var held = await AddAsync(unitOfWork, [fence.Term]);
        var fresh = await AddAsync(unitOfWork, [null, null, null]);
        var sent = await AddAsync(unitOfWork, [null], OutboxStatus.Sent);

        var first = await reader.ClaimPendingAsync(fence, 10, CancellationToken.None);
        var second = await reader.ClaimPendingAsync(fence, 10, CancellationToken.None);
        var third = await reader.ClaimPendingAsync(fence, 10, CancellationToken.None);
        var later = await AddAsync(unitOfWork, [null]);
        var fourth = await reader.ClaimPendingAsync(fence, 10, CancellationToken.None);

        Assert.Equal(earlier, first.Select(r => r.Id));
        Assert.Equal(fresh, second.Select(r => r.Id));
        Assert.Empty(third);
        Assert.Equal(later, fourth.Select(r => r.Id));
        var claimed = first.Concat(second).Concat(fourth).Select(r => r.Id).ToList();
        Assert.DoesNotContain(held.Single(), claimed);
        Assert.DoesNotContain(sent.Single(), claimed);
        await using var check = await unitOfWork.ReadAsync(CancellationToken.None);
        Assert.True(await check.OutboxMessages.Where(m => claimed.Contains(m.Id)).AllAsync(m => m.LoadedTerm == fence.Term));
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task<long> RaiseTermAsync(CoordBotDb db, CancellationToken cancellationToken)
    {
        // Two elections, so that an earlier term exists.
        long term = 0;
        for (var i = 0; i < 2; i++)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Fence.RaiseTermSql;
            Fence.AddRole(command, Leadership.Sender);
            term = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return term;
    }

    private static readonly DateTime Written = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static async Task<List<long>> AddAsync(UnitOfWork unitOfWork, long?[] loadedTerms, OutboxStatus status = OutboxStatus.Pending) =>
        await unitOfWork.RunAsync(async (db, ct) =>
        {
            var rows = loadedTerms.Select(t => new OutboxMessage { ChatId = 4_200, Text = "text", CreatedAt = Written, NextAttemptAt = Written, Status = status, LoadedTerm = t }).ToList();
            db.OutboxMessages.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return rows.Select(r => r.Id).ToList();
        }, CancellationToken.None);
}
