using System.Globalization;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>
/// Tells the delegations what a ballot or a close made happen (<see cref="VotingEvent"/>), each reader in their language,
/// through the outbox of the same transaction and the one fan-out (<see cref="DelegationMessenger"/>); the live tallies
/// are edited, not repeated. Events are told in the order they happened.
/// </summary>
public sealed class VotingDelivery(DelegationMessenger messenger, VotingText text)
{
    /// <summary>Who cast a ballot through this update, where and when.</summary>
    public static BallotCasting Casting(UpdateContext update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new BallotCasting(update.Actor, update.ChatId, update.SentAtUtc, update.NowUtc);
    }

    public async Task DeliverAsync(CoordBotDb db, Outbox outbox, IEnumerable<VotingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var happened in events)
        {
            switch (happened)
            {
                case ReceiptDue receipt:
                    // The delegation's linked group (not the chat it was cast in) sees the receipt too, in the group's language.
                    await messenger.DeliverAsync(db, outbox, new DelegationNotice([receipt.Recorded.DelegationCode], reader => text.Receipt(reader.Language, receipt.Recorded))
                    {
                        GroupOnly = true,
                        Except = [receipt.CastInChatId],
                    }, cancellationToken);
                    break;
                case TallyChanged tally:
                    // The tallies shown with /tally are edited to the ballots received so far; the reminder button goes once nobody is missing.
                    await LiveMessages.RefreshAsync(db, outbox, VotingService.TallyTopic(tally.Vote.Id), (live, previous) =>
                        Task.FromResult<(string, IReadOnlyList<IReadOnlyList<Button>>?)?>((text.OpenTally(live.Language, tally.Vote, tally.Ballots, live.TimeZone ?? "UTC"), tally.Everyone ? null : previous)), tally.AtUtc, cancellationToken);
                    break;
                case EveryoneVoted everyone:
                    await TellChairAsync(db, outbox, everyone, cancellationToken);
                    break;
                case VoteClosed closed:
                    var vote = closed.Vote;
                    await messenger.SendInLanguagesAsync(db, outbox, closed.Codes, (code, language) => closed.Hidden.Contains(code) ? VotingText.HiddenResult(language) : text.Result(language, vote, closed.Count), cancellationToken,
                        starter: vote.OpenedInChatId is { } openedIn ? new StarterChat(openedIn) : null);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(events), happened, "A voting event nobody tells.");
            }
        }
    }

    /// <summary>The chair who opened the vote learns that everyone has voted, when it will close, and may close it now.</summary>
    private static async Task TellChairAsync(CoordBotDb db, Outbox outbox, EveryoneVoted everyone, CancellationToken cancellationToken)
    {
        var vote = everyone.Vote;
        var zone = await db.People.AsNoTracking().Where(p => p.UserId == vote.OpenedBy).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var language = await ReaderLanguage.OfPersonAsync(db, vote.OpenedBy, cancellationToken);
        outbox.Send(
            vote.OpenedBy,
            VotingText.EveryoneVoted(language, vote, everyone.ClosesAt, zone ?? "UTC"),
            [[new Button(Catalogue.Text(language, "Ballots.CloseNow"), $"{VotingService.CloseButtonPrefix}:{vote.Id.ToString(CultureInfo.InvariantCulture)}")]]);
    }
}
