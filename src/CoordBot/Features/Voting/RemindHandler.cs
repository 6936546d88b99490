using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/remind D&lt;n&gt;</c>: the chair reminds only the delegations that have not voted.</summary>
internal sealed class RemindHandler(VotingService voting, VotingText text, VoterNotices notices) : VoteCommand(voting)
{
    /// <summary>The declaration, also asked by the tally whether to offer its chair the reminder button.</summary>
    public static CommandInfo Declaration { get; } = new("remind", "/remind D<n>", "Remind delegations that have not voted (chair)")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/remind D3",
    };

    public override CommandInfo Info => Declaration;

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

        await notices.SendAsync(
            db, context.Update.Outbox, vote, missing,
            (code, language, zone) => text.PrivateReminder(language, vote, code, zone),
            (_, language, zone) => VotingText.GroupReminder(language, vote, zone),
            groupButtons: true,
            cancellationToken);
        context.Reply(text.Reminded(context.Update.Language, missing));
    }
}
