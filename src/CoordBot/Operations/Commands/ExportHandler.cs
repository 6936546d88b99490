using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoordBot.Council;
using CoordBot.Domain.Voting;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Operations.Commands;

/// <summary>
/// <c>/export</c>: the council's decisions as one zip, for the operator's archive: each draft's final
/// text with its hash and status, and each vote's record (result and reason, ballots, the hash-chained
/// ballot log, explanations). Sent only to the operator's private chat: it holds unreleased texts.
/// </summary>
internal sealed class ExportHandler(CouncilProvider councilProvider) : Command
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    // Private only: the archive holds unreleased texts and votes.
    public override CommandInfo Info { get; } = new("export", "/export", "The council's decisions (drafts, votes, results, records) as one archive")
    {
        Rule = Rules.Operator,
        Where = ChatScope.Private,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {

        var db = context.Update.Db;
        var council = councilProvider.Council;
        var drafts = await db.Drafts.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var versions = await db.DraftVersions.AsNoTracking().ToListAsync(cancellationToken);
        var votes = await db.Votes.AsNoTracking().OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var ballots = (await db.Ballots.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(b => b.VoteId);
        var log = (await db.BallotLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken)).ToLookup(e => e.VoteId);
        var explanations = (await db.Explanations.AsNoTracking().OrderBy(e => e.At).ToListAsync(cancellationToken)).ToLookup(e => e.VoteId);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", $"Decisions of {council.Name}, exported {TimeDisplay.Utc(context.Update.NowUtc)}.\n"
                + "drafts/: each draft's final (current) text with its SHA-256 content hash and status.\n"
                + "votes/: each vote's record as JSON: text hash, result and reason, ballots, the hash-chained ballot log, explanations.\n"
                + "Check a vote's ballot log with /audit D<n> or `coordbot verify` on a backup.\n");
            foreach (var draft in drafts)
            {
                var final = versions.Where(v => v.DraftId == draft.Id).MaxBy(v => v.Number);
                Add(zip, $"drafts/D{draft.Id}.txt", $"D{draft.Id} v{final?.Number}: {draft.Title}\nStatus: {draft.Status}\nContent hash: {final?.Hash}\n\n{final?.Text}\n");
            }

            foreach (var vote in votes)
            {
                var cast = ballots[vote.Id].ToList();
                var result = vote.IsOpen
                    ? null
                    : DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(StringComparer.Ordinal), cast.ToDictionary(b => b.DelegationCode, b => b.Choice, StringComparer.Ordinal));
                var record = new
                {
                    vote = vote.LogId,
                    draft = $"D{vote.DraftId}",
                    version = vote.Version,
                    vote.Title,
                    vote.TextHash,
                    matter = vote.Matter.ToString(),
                    rule = vote.Rule.ToString(),
                    vote.OpenedAt,
                    vote.ClosesAt,
                    vote.ClosedAt,
                    outcome = result is null ? "open" : result.Adopted ? "adopted" : "not adopted",
                    reason = vote.Reason ?? result?.Reason,
                    ballots = cast.OrderBy(b => b.DelegationCode, StringComparer.Ordinal).Select(b => new { delegation = b.DelegationCode, choice = b.Choice.ToString(), b.CastAt, b.CastBy }),
                    absent = result?.Absent,
                    recused = vote.Recused,
                    ballotLog = log[vote.Id].Select(e => new { e.Sequence, delegation = e.DelegationCode, e.UserId, choice = e.Choice?.ToString(), kind = e.Kind.ToString(), e.Reason, e.AtUtc, e.PreviousHash, e.Hash }),
                    explanations = explanations[vote.Id].Select(e => new { delegation = e.DelegationCode, e.UserId, e.Text, e.At }),
                };
                Add(zip, $"votes/{vote.LogId}-D{vote.DraftId}-v{vote.Version}.json", JsonSerializer.Serialize(record, Json));
            }
        }

        var name = $"coordbot-export-{context.Update.NowUtc:yyyyMMdd-HHmm}.zip";
        context.Update.Outbox.SendDocument(context.Update.ChatId, name, buffer.ToArray(), $"{drafts.Count} drafts and {votes.Count} votes of {Html.Escape(council.Name)}.");
        context.Update.Audit("export", $"{drafts.Count} drafts, {votes.Count} votes");
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
