using CoordBot.Features.Delegations;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/remind D&lt;n&gt;</c>: the chair reminds only the delegations that have not voted.</summary>
internal sealed class RemindHandler(VotingService voting, VotingText text, DelegationMessenger messenger) : VoteCommand(voting)
{
    public override CommandInfo Info { get; } = new("remind", "/remind D<n>", "Remind delegations that have not voted (chair)")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/remind D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        if (!vote.IsOpen)
        {
            context.Reply(VotingText.NobodyToRemind(context.Update.Language, vote.DraftId));
            return;
        }

        var db = context.Update.Db;
        var voted = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.DelegationCode).ToListAsync(cancellationToken);
        var missing = vote.Voting.Except(voted, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            context.Reply(VotingText.EveryoneHasVoted(context.Update.Language));
            return;
        }

        var zones = await VotingService.DelegationZonesAsync(db, missing, cancellationToken);
        foreach (var (code, userId, language) in await VotingService.VotersAsync(db, missing, cancellationToken))
        {
            context.Update.Outbox.Send(userId, text.PrivateReminder(language, vote, code, zones[code]), VotingService.BallotButtons(vote.Id, language));
        }

        await messenger.SendInLanguagesAsync(db, context.Update.Outbox, missing, (code, language) => VotingText.GroupReminder(language, vote, zones[code]), cancellationToken);
        context.Reply(text.Reminded(context.Update.Language, missing));
    }
}
