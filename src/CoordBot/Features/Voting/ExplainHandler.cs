using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/explain D&lt;n&gt; &lt;text&gt;</c>: an explanation of vote, accepted in the window after the result.</summary>
internal sealed class ExplainHandler(CouncilProvider councilProvider, DraftVoteLookup lookup) : ICommandHandler
{
    private const string Usage = "/explain D<n> <text>";

    public CommandInfo Info { get; } = new("explain", Usage, "Explain your delegation's vote after the result (head or deputy)", a => a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var parts = context.Command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = parts.Length > 1 ? parts[1] : context.Command.Body;
        if (parts.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, for example /explain D3 Estonia voted in favour because ...");
            return;
        }

        var vote = await lookup.FindAsync(context, parts[0], Usage, cancellationToken);
        if (vote is null)
        {
            return;
        }

        var actor = context.Actor;
        if (actor.DelegationCode is not { } code || !actor.IsHeadOrDeputy || !(vote.Voting.Contains(code) || vote.Recused.Contains(code)))
        {
            context.Reply("Only the head or the deputy of a delegation of this vote may explain its vote.");
            return;
        }

        var now = context.Update.NowUtc;
        if (vote.IsOpen)
        {
            context.Reply($"Voting is still open. Give the explanation with the vote (/vote D{vote.DraftId} yes|no|abstain &lt;explanation&gt;) or after the result.");
            return;
        }

        if (now > vote.ExplanationsUntil)
        {
            context.Reply($"Explanations of vote on D{vote.DraftId} were accepted until {TimeDisplay.InZoneAndUtc(vote.ExplanationsUntil!.Value, actor.TimeZone)}. Nothing was recorded.");
            return;
        }

        if (text.Length > 4000)
        {
            context.Reply("An explanation of vote may be at most 4000 characters. Nothing was recorded.");
            return;
        }

        context.Update.Db.Explanations.Add(new ExplanationOfVote { VoteId = vote.Id, DelegationCode = code, UserId = actor.UserId, Text = text.Trim(), At = now });
        context.Reply($"The explanation of vote of {Html.Escape(councilProvider.Council.NameOf(code))} on D{vote.DraftId} is recorded ({TimeDisplay.Utc(now)}); it appears in /record D{vote.DraftId}.");
    }
}
