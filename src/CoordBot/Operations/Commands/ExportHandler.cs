using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoordBot.Council;
using CoordBot.Domain.Voting;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Operations.Commands;

/// <summary>
/// <c>/export</c>: the council's decisions as one zip, for the operator's archive: each draft's final
/// text with its hash and status, and each vote's record (result and reason, ballots, the hash-chained
/// ballot log, explanations), its readme and headings in the operator's language. Sent only to the
/// operator's private chat: it holds unreleased texts.
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
        var language = context.Update.Language;
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
            // The readme and each draft's heading in the requester's language; the JSON records are data for
            // programs (their names and values the same in every export), and every file name is ASCII.
            Add(zip, "README.txt", Catalogue.Format(language, "Ops.Export.Readme", council.Name, Dates.Utc(language, context.Update.NowUtc)));
            foreach (var draft in drafts)
            {
                var final = versions.Where(v => v.DraftId == draft.Id).MaxBy(v => v.Number);
                // The text is the delegations' own: appended as written, without marks.
                Add(zip, $"drafts/D{draft.Id}.txt", Catalogue.Format(language, "Ops.Export.Draft", $"D{draft.Id}", final?.Number, draft.Title, Catalogue.Text(language, "Ops.Export.Status." + draft.Status), final?.Hash) + $"{final?.Text}\n");
            }

            foreach (var vote in votes)
            {
                var cast = ballots[vote.Id].ToList();
                var result = vote.IsOpen ? null : Features.Voting.VoteTally.Of(council, vote, cast).Result;
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
        var caption = Catalogue.Format(language, "Ops.Export.Caption", Fragment.Plural(language, "Ops.Export.Drafts", drafts.Count), Fragment.Plural(language, "Ops.Export.Votes", votes.Count), Html.Escape(council.Name));
        context.Update.Outbox.SendDocument(context.Update.ChatId, name, buffer.ToArray(), caption);
        context.Update.Audit("export", $"{drafts.Count} drafts, {votes.Count} votes");
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
