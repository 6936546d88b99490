using System.IO.Compression;
using System.Text.Json;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Operations.BackupTests;

namespace CoordBot.Tests.Operations;

public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Status_shows_backlog_jobs_database_and_the_last_errors_without_user_text()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, _) =>
        {
            db.InboxUpdates.Add(new InboxUpdate { UpdateId = 77, Payload = "{}", ReceivedAt = now, ProcessedAt = now, Error = "FormatException: could not read 'our secret draft wording'" });
            db.OutboxMessages.Add(new OutboxMessage { ChatId = 555, Kind = OutboxKind.Text, Text = "x", CreatedAt = now, NextAttemptAt = now, Status = OutboxStatus.Failed, LastError = "Bad Request: chat not found" });
            return Task.CompletedTask;
        }, CancellationToken.None);

        var status = (await bot.AskAsync(BotHarness.OperatorId, "/status")).PlainText!;

        Assert.StartsWith("CoordBot status", status, StringComparison.Ordinal);
        Assert.Contains("Updates waiting: 1", status, StringComparison.Ordinal);
        Assert.Contains("Messages waiting: 0", status, StringComparison.Ordinal);
        Assert.Contains("Last 429 from Telegram: none since the start", status, StringComparison.Ordinal);
        Assert.Matches(@"Jobs pending: [1-9]", status); // at least the retention job
        Assert.Matches(@"Database: [0-9.]+ (KB|MB)", status);
        Assert.Contains("update 77 at", status, StringComparison.Ordinal);
        Assert.Contains("FormatException", status, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", status, StringComparison.Ordinal);
        Assert.Contains("message", status, StringComparison.Ordinal);
        Assert.Contains("to chat 555: Bad Request: chat not found", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_export_are_refused_to_anyone_but_an_operator()
    {
        await using var bot = await BotHarness.StartAsync();

        var status = await bot.AskAsync(42, "/status");
        var export = await bot.AskAsync(42, "/export");

        Assert.Equal("Only an operator of this bot may do this.", status.PlainText);
        Assert.Equal("Only an operator of this bot may do this.", export.PlainText);
    }

    [Fact]
    public async Task Export_sends_the_operator_one_archive_with_final_texts_and_vote_records()
    {
        await using var bot = await CouncilWithAVoteAsync();
        foreach (var code in Codes.Skip(8))
        {
            bot.Send(HeadOf(code), "/vote D1 yes");
        }

        Assert.StartsWith("Result of the vote on D1 v2", (await bot.VoteResultAsync(HeadOf("EST"))).PlainText, StringComparison.Ordinal);
        var inGroup = await bot.AskAsync(BotHarness.OperatorId, "/export", chatId: -777);
        bot.Send(BotHarness.OperatorId, "/export");
        var archive = await bot.ReplyAsync(BotHarness.OperatorId, m => m.DocumentName is not null);

        Assert.Contains("private chat", inGroup.PlainText, StringComparison.Ordinal);
        Assert.Null(inGroup.DocumentName);
        using var zip = new ZipArchive(new MemoryStream(archive.DocumentContent!));
        var draft = Read(zip, "drafts/D1.txt");
        Assert.Contains("The Council strongly condemns malicious cyber activities.", draft, StringComparison.Ordinal);
        Assert.Contains("D1 v2", draft, StringComparison.Ordinal);
        using var record = JsonDocument.Parse(Read(zip, "votes/V1-D1-v2.json"));
        Assert.Equal("adopted", record.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(15, record.RootElement.GetProperty("ballots").GetArrayLength());
        Assert.Equal(15, record.RootElement.GetProperty("ballotLog").GetArrayLength());
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
