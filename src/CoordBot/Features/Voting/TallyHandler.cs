using System.Text;
using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/tally D&lt;n&gt;</c>: while open, who has voted and who has not (how, only if the council's votes are open); after, the result.</summary>
internal sealed class TallyHandler(CouncilProvider councilProvider, DraftVoteLookup lookup, VotingService voting) : ICommandHandler
{
    private const string Usage = "/tally D<n>";

    public CommandInfo Info { get; } = new("tally", Usage, "Who has voted on a draft, or the result", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var vote = await lookup.FindForMemberAsync(context, Usage, cancellationToken);
        if (vote is null)
        {
            return;
        }

        var council = councilProvider.Council;
        var ballots = await context.Update.Db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToListAsync(cancellationToken);
        if (!vote.IsOpen)
        {
            var result = Domain.Voting.DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(StringComparer.Ordinal), ballots.ToDictionary(b => b.DelegationCode, b => b.Choice, StringComparer.Ordinal));
            context.Reply(voting.ResultText(vote, ballots, result));
            return;
        }

        var voted = ballots.ToDictionary(b => b.DelegationCode, StringComparer.Ordinal);
        var text = new StringBuilder($"<b>Voting on D{vote.DraftId} v{vote.Version}</b>: {voted.Count} of {vote.Voting.Count} delegations have voted; closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, context.Actor.TimeZone)}.\n");
        foreach (var code in vote.Voting.OrderBy(council.NameOf, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(Html.Escape(council.NameOf(code))).Append(": ")
                .Append(voted.TryGetValue(code, out var ballot) ? (vote.OpenTally ? VoteRefs.Words(ballot.Choice) : "voted") : "not yet")
                .Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
