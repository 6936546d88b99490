using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Voting;
using CoordBot.Features.Drafts;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary><c>/record D&lt;n&gt;</c>: the record of a vote as a document: the text with its hash, each vote with its time, the result and reason, the explanations.</summary>
internal sealed class RecordHandler(CouncilProvider councilProvider, DraftVoteLookup lookup, DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/record D<n>";

    public CommandInfo Info { get; } = new("record", Usage, "The record of a vote, as a document", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The record holds the text voted on: only those who may read drafts (not observers) ask for it.
        if (!context.Actor.IsOperator && context.Actor.IsMember && !Access.Allowed(context, Permissions.MayReadDrafts(context.Actor.Rights)))
        {
            return;
        }

        var vote = await lookup.FindForMemberAsync(context, Usage, cancellationToken);
        if (vote is null)
        {
            return;
        }

        if (!await MayReadAsync(context, vote, cancellationToken))
        {
            context.Reply(DraftDesk.NotVisible(vote.DraftId));
            return;
        }

        if (vote.IsOpen)
        {
            context.Reply($"Voting on D{vote.DraftId} is still open; the record is made when it closes. /tally D{vote.DraftId} shows who has voted.");
            return;
        }

        var db = context.Update.Db;
        var council = councilProvider.Council;
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).ToListAsync(cancellationToken);
        var log = await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var explanations = await db.Explanations.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(StringComparer.Ordinal), ballots.ToDictionary(b => b.DelegationCode, b => b.Choice, StringComparer.Ordinal));

        var text = new StringBuilder();
        text.AppendLine($"RECORD OF THE VOTE ON D{vote.DraftId} v{vote.Version}: {vote.Title}")
            .AppendLine(council.Name)
            .AppendLine($"Matter: {VotingService.MatterWord(vote.Matter)}; rule: {Domain.Council.DecisionRuleNames.ToName(vote.Rule)}")
            .AppendLine($"Opened: {Stamp(vote.OpenedAt)}; deadline: {Stamp(vote.ClosesAt)}; closed: {Stamp(vote.ClosedAt!.Value)}")
            .AppendLine($"Result: {(result.Adopted ? "ADOPTED" : "NOT ADOPTED")} ({result.Reason})")
            .AppendLine($"In favour {result.Yes}, against {result.No}, abstaining {result.Abstain}, absent {result.Absent.Count}")
            .AppendLine()
            .AppendLine("VOTES (the current vote of each delegation)");
        foreach (var code in vote.Voting.OrderBy(council.NameOf, StringComparer.OrdinalIgnoreCase))
        {
            var ballot = ballots.FirstOrDefault(b => b.DelegationCode == code);
            text.AppendLine(ballot is null
                ? $"  {council.NameOf(code)}: absent"
                : $"  {council.NameOf(code)}: {VoteRefs.Words(ballot.Choice)}, recorded {Stamp(ballot.CastAt)} (user {ballot.CastBy})");
        }

        foreach (var code in vote.Recused)
        {
            text.AppendLine($"  {council.NameOf(code)}: did not vote (party to the dispute)");
        }

        text.AppendLine().AppendLine("EXPLANATIONS OF VOTE");
        if (explanations.Count == 0)
        {
            text.AppendLine("  none");
        }

        foreach (var explanation in explanations)
        {
            text.AppendLine($"  {council.NameOf(explanation.DelegationCode)} ({Stamp(explanation.At)}): {explanation.Text}");
        }

        text.AppendLine().AppendLine("BALLOT LOG (append-only, hash-chained; /audit checks it)");
        foreach (var entry in log)
        {
            text.AppendLine($"  #{entry.Sequence} {Stamp(entry.AtUtc)} {entry.DelegationCode} user {entry.UserId}: {entry.Kind} {entry.Choice?.ToString() ?? ""} {entry.Reason ?? ""} hash {entry.Hash}");
        }

        text.AppendLine().AppendLine($"TEXT VOTED ON (SHA-256 {vote.TextHash})").AppendLine(vote.Text);
        context.Update.Outbox.SendDocument(
            context.Update.ChatId,
            $"D{vote.DraftId}-v{vote.Version}-vote-record.txt",
            Encoding.UTF8.GetBytes(text.ToString()),
            $"Record of the vote on D{vote.DraftId} v{vote.Version} «{Html.Escape(vote.Title)}»: {(result.Adopted ? "adopted" : "not adopted")}.");
    }

    /// <summary>
    /// The delegations that voted read the text in blue (it was opened to them with the vote); anyone else only
    /// as the draft itself allows: its penholder and the delegations it was circulated to.
    /// </summary>
    private async Task<bool> MayReadAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        if (context.Actor.IsOperator || vote.Voting.Contains(context.Actor.DelegationCode!))
        {
            return true;
        }

        var draft = await context.Update.Db.Drafts.FindAsync([vote.DraftId], cancellationToken);
        return draft is not null && await desk.MayReadAsync(context, draft, cancellationToken);
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
