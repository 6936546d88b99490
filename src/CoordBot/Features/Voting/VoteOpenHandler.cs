using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Voting;
using CoordBot.Features.Delegations;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/vote_open D&lt;n&gt; [procedural|substantive] [&lt;hours&gt;h] [recuse CODE,...] [rule]</c>: the chair opens the written procedure on the text in blue.</summary>
internal sealed class VoteOpenHandler(CouncilProvider councilProvider, IVotableDrafts drafts, VoteDeadlines deadlines, DelegationMessenger messenger) : ICommandHandler
{
    private const decimal MaxHours = 168;

    private const string Usage = "/vote_open D<n> [procedural|substantive] [<hours>h] [recuse CODE,CODE] [council|majority|two-thirds|consensus]";

    public CommandInfo Info { get; } = new("vote_open", Usage, "Open voting on a draft in blue (chair)", a => a.IsChair);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.Chair(context))
        {
            return;
        }

        var council = councilProvider.Council;
        var words = context.Command.Words;
        if (words.Count == 0 || !EntityIds.TryParse(words[0], 'D', out var draftId))
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, for example /vote_open D3 substantive 24h recuse ZAF");
            return;
        }

        var matter = MatterKind.Substantive;
        var hours = (double)council.VotingHours;
        var rule = council.DefaultRule;
        var recused = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word is "procedural" or "substantive")
            {
                matter = word == "procedural" ? MatterKind.Procedural : MatterKind.Substantive;
            }
            else if (word.EndsWith('h') && StrictNumbers.TryParseDecimal(word[..^1], out _))
            {
                // Strict: "NaNh" or "1e-9h" would otherwise pass the range check and close the vote at once, for good.
                if (!StrictNumbers.TryParseHours(word, 0m, MaxHours, out var window))
                {
                    context.Reply("The voting window must be more than 0 and at most 168 hours, for example 24h.");
                    return;
                }

                hours = window.TotalHours;
            }
            else if (word == "recuse" && i + 1 < words.Count)
            {
                foreach (var code in words[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()))
                {
                    if (!council.IsMember(code))
                    {
                        context.Reply($"{Html.Escape(code)} is not a member of the council; recuse takes codes such as ZAF,TUN.");
                        return;
                    }

                    recused.Add(code);
                }
            }
            else if (DecisionRuleNames.Parse(word) is { IsSuccess: true } parsed)
            {
                rule = parsed.Value;
            }
            else
            {
                context.Reply($"I don't understand \"{Html.Escape(words[i])}\". Usage: {Html.Escape(Usage)}");
                return;
            }
        }

        var db = context.Update.Db;
        var draft = await drafts.FindAsync(db, draftId, cancellationToken);
        if (draft is null)
        {
            context.Reply($"There is no draft D{draftId}. Send /drafts to see them.");
            return;
        }

        if (draft.Status != DraftStatus.InBlue)
        {
            context.Reply(draft.Status == DraftStatus.Voting
                ? $"Voting on D{draftId} is already open. /tally D{draftId} shows who has voted."
                : $"D{draftId} is not in blue, so it cannot be put to the vote. Its penholder puts the final text in blue with /blue D{draftId}.");
            return;
        }

        var now = context.Update.NowUtc;
        var votingCodes = council.Members.Select(m => m.Code).Where(c => !recused.Contains(c)).ToList();
        if (votingCodes.Count == 0)
        {
            context.Reply($"Every delegation would be recused, so nobody could vote on D{draftId}. Recuse only the parties to the dispute.");
            return;
        }

        var vote = new Vote
        {
            DraftId = draftId,
            Version = draft.Version,
            Title = draft.Title,
            Text = draft.Text,
            TextHash = draft.Hash,
            Matter = matter,
            Rule = rule,
            VotingCodes = string.Join(',', votingCodes),
            RecusedCodes = string.Join(',', recused.Distinct()),
            AllowChange = council.AllowVoteChange,
            OpenTally = council.OpenVotes,
            OpenedBy = context.Actor.UserId,
            OpenedAt = now,
            ClosesAt = now.AddHours(hours),
        };
        db.Votes.Add(vote);
        await drafts.MarkVotingAsync(db, draftId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        context.Update.Audit("vote.opened", $"{vote.LogId} on D{draftId} v{draft.Version} {matter} {DecisionRuleNames.ToName(rule)}, closes {vote.ClosesAt:O}, recused [{vote.RecusedCodes}]");

        var zones = await VotingService.DelegationZonesAsync(db, votingCodes, cancellationToken);
        var heading = $"D{draftId} v{draft.Version} «{Html.Escape(draft.Title)}» (hash {draft.ShortHash}), {VotingService.MatterWord(matter)} matter, rule: {DecisionRuleNames.ToName(rule)}";
        foreach (var (code, userId) in await VotingService.VotersAsync(db, votingCodes, cancellationToken))
        {
            context.Update.Outbox.Send(
                userId,
                $"<b>Ballot</b> for {Html.Escape(council.NameOf(code))}: {heading}.\nVoting closes {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zones[code])}. The text: /draft D{draftId} v{draft.Version}.\nOne vote per delegation; the head or the deputy casts it. You may also send /vote D{draftId} yes|no|abstain [explanation].",
                VotingService.BallotButtons(vote.Id));
        }

        await messenger.SendAsync(db, context.Update.Outbox, votingCodes, code =>
            $"<b>Voting has started</b> on {heading}.\nDeadline: {TimeDisplay.InZoneAndUtc(vote.ClosesAt, zones[code])}. Your head and deputy have private ballots; a delegation that does not vote counts as absent.", cancellationToken);
        if (recused.Count > 0)
        {
            await messenger.SendAsync(db, context.Update.Outbox, recused, _ => $"Voting has started on {heading}. As a party to the dispute, your delegation does not vote.", cancellationToken);
        }

        await deadlines.ScheduleAsync(vote, cancellationToken);
        context.Reply($"Voting opened on {heading}: {votingCodes.Count} delegations vote, closing {TimeDisplay.InZoneAndUtc(vote.ClosesAt, context.Actor.TimeZone)}.");
    }
}
