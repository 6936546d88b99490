using CoordBot.Council;
using CoordBot.Features.Delegations;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/remind D&lt;n&gt;</c>: the chair reminds only the delegations that have not voted.</summary>
internal sealed class RemindHandler(CouncilProvider councilProvider, DraftVoteLookup lookup, DelegationMessenger messenger) : ICommandHandler
{
    private const string Usage = "/remind D<n>";

    public CommandInfo Info { get; } = new("remind", Usage, "Remind delegations that have not voted (chair)", a => a.IsChair);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.Chair(context))
        {
            return;
        }

        var vote = await lookup.FindAsync(context, context.Command.FirstWord, Usage, cancellationToken);
        if (vote is null)
        {
            return;
        }

        if (!vote.IsOpen)
        {
            context.Reply($"Voting on D{vote.DraftId} has closed; there is no one to remind.");
            return;
        }

        var db = context.Update.Db;
        var council = councilProvider.Council;
        var voted = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.DelegationCode).ToListAsync(cancellationToken);
        var missing = vote.Voting.Except(voted, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            context.Reply("Every delegation has voted.");
            return;
        }

        var zones = await VotingService.DelegationZonesAsync(db, missing, cancellationToken);
        var heading = $"D{vote.DraftId} v{vote.Version} «{Html.Escape(vote.Title)}» (hash {vote.TextHash[..8]})";
        foreach (var (code, userId) in await VotingService.VotersAsync(db, missing, cancellationToken))
        {
            context.Update.Outbox.Send(userId, $"<b>Reminder</b>: {Html.Escape(council.NameOf(code))} has not voted on {heading}. Voting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zones[code])}.", VotingService.BallotButtons(vote.Id));
        }

        await messenger.SendAsync(db, context.Update.Outbox, missing, code => $"<b>Reminder</b>: your delegation has not yet voted on {heading}. Voting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zones[code])}.", cancellationToken);
        context.Reply($"Reminded {missing.Count} delegations: {Html.Escape(string.Join(", ", missing.Select(council.NameOf).Order(StringComparer.OrdinalIgnoreCase)))}.");
    }
}
