using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/explain D&lt;n&gt; &lt;text&gt;</c>: an explanation of vote, accepted in the window after the result.</summary>
internal sealed class ExplainHandler(VotingService voting, VotingText text) : VoteCommand<string>(voting)
{
    protected override bool HidesFromNonReaders => true;

    public override CommandInfo Info { get; } = new("explain", "/explain D<n> <text>", "Explain your delegation's vote after the result (head or deputy)")
    {
        Rule = Rules.Of(Permissions.MayExplainVote),
        Where = ChatScope.CouncilChat,
        Example = "/explain D3 Estonia voted in favour because ...",
    };

    /// <summary>The explanation: the rest of the first line, or the lines after it.</summary>
    protected override string ParseMore(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var explanation = args.Rest(optional: true);
        explanation = explanation.Length > 0 ? explanation : args.Body ?? string.Empty;
        if (string.IsNullOrWhiteSpace(explanation))
        {
            args.Fail();
        }

        return explanation;
    }

    protected override Task ExecuteAsync(CommandContext context, Vote vote, string args, CancellationToken cancellationToken)
    {
        // The door admitted a head or deputy; an explanation is of THIS vote's delegations only.
        var actor = context.Actor;
        if (actor.DelegationCode is not { } code || !(vote.Voting.Contains(code) || vote.Recused.Contains(code)))
        {
            context.Reply(VotingText.NotOfThisVote(context.Update.Language));
            return Task.CompletedTask;
        }

        var now = context.Update.NowUtc;
        if (vote.IsOpen)
        {
            context.Reply(VotingText.ExplainWhileOpen(context.Update.Language, vote.DraftId));
        }
        else if (context.Update.SentAtUtc > vote.ExplanationsUntil)
        {
            context.Reply(VotingText.ExplanationsOver(context.Update.Language, vote, actor.TimeZone));
        }
        else if (args.Length > 4000)
        {
            context.Reply(VotingText.ExplanationTooLong(context.Update.Language));
        }
        else
        {
            context.Update.Db.Explanations.Add(new ExplanationOfVote { VoteId = vote.Id, DelegationCode = code, UserId = actor.UserId, Text = args.Trim(), At = now });
            context.Reply(text.ExplanationRecorded(context.Update.Language, vote, code, now));
        }

        return Task.CompletedTask;
    }
}
