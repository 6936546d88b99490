using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/vote D&lt;n&gt; &lt;yes|no|abstain&gt; [explanation]</c>: the same as a ballot button, with an optional explanation of vote.</summary>
internal sealed class VoteHandler(DraftVoteLookup lookup, VotingService voting) : ICommandHandler
{
    private const string Usage = "/vote D<n> <yes|no|abstain> [explanation]";

    public CommandInfo Info { get; } = new("vote", Usage, "Cast your delegation's vote (head or deputy)", a => a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var arguments = context.Command.Arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (arguments.Length < 2 || !VoteRefs.TryParseChoice(arguments[1], out var choice))
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, for example /vote D3 yes");
            return;
        }

        var vote = await lookup.FindAsync(context, arguments[0], Usage, cancellationToken);
        if (vote is null)
        {
            VotingService.AuditRefusal(context.Update, $"vote on unknown draft {arguments[0]}");
            return;
        }

        var explanation = arguments.Length > 2 ? arguments[2] : context.Command.Body;
        if (explanation is { Length: > 4000 })
        {
            context.Reply("An explanation of vote may be at most 4000 characters. Nothing was recorded.");
            return;
        }

        context.Reply(BallotText.Reply(await voting.CastAsync(context.Update, vote, choice, explanation, cancellationToken)));
    }
}
