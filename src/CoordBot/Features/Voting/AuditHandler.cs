using CoordBot.Domain.Voting;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/audit D&lt;n&gt;</c>: verifies the ballot log's hash chain and recomputes the tally from it.</summary>
internal sealed class AuditHandler(DraftVoteLookup lookup) : ICommandHandler
{
    private const string Usage = "/audit D<n>";

    public CommandInfo Info { get; } = new("audit", Usage, "Verify a vote's ballot log and tally", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var vote = await lookup.FindForMemberAsync(context, Usage, cancellationToken);
        if (vote is null)
        {
            return;
        }

        var db = context.Update.Db;
        var log = (await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(e => e.ToDomain(vote.LogId)).ToList();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToDictionaryAsync(b => b.DelegationCode, b => b.Choice, cancellationToken);
        var chain = BallotLog.Verify(log);
        var replayed = BallotLog.RecomputeTally(log, vote.AllowChange);
        var mismatches = replayed.Keys.Union(ballots.Keys)
            .Where(code => !replayed.TryGetValue(code, out var a) || !ballots.TryGetValue(code, out var b) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();

        var lines = new List<string> { $"<b>Audit of the vote on D{vote.DraftId} v{vote.Version}</b>: {log.Count} log entries." };
        lines.Add(chain.IsIntact
            ? "Hash chain: intact (every entry links to the one before and matches its hash)."
            : $"Hash chain: BROKEN at entry {chain.BrokenAt + 1}: {chain.Why}.");
        lines.Add(mismatches.Count == 0
            ? $"Tally recomputed from the log matches the recorded votes ({ballots.Count} delegations)."
            : $"Tally MISMATCH for {string.Join(", ", mismatches)}: the recorded votes differ from the log.");
        context.Reply(string.Join("\n", lines));
    }
}
