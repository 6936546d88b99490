using CoordBot.Domain.Voting;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/audit D&lt;n&gt;</c>: verifies the ballot log's hash chain and replays the tally from it against the recorded votes.</summary>
internal sealed class AuditHandler(VotingService voting, VotingText text) : VoteCommand(voting)
{
    protected override bool HidesFromNonReaders => true;

    public override CommandInfo Info { get; } = new("audit", "/audit D<n>", "Verify a vote's ballot log and tally")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/audit D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var log = (await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(e => e.ToDomain(vote.LogId)).ToList();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToDictionaryAsync(b => b.DelegationCode, b => b.Choice, cancellationToken);
        // Not the decision (VotingService.CountAsync makes that): the log's own account of each delegation's vote, to compare.
        var replayed = BallotLog.RecomputeTally(log, vote.AllowChange);
        var mismatches = replayed.Keys.Union(ballots.Keys)
            .Where(code => !replayed.TryGetValue(code, out var a) || !ballots.TryGetValue(code, out var b) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();
        context.Reply(text.Audit(context.Update.Language, vote, log.Count, BallotLog.Verify(log), ballots.Count, mismatches, log));
    }
}
