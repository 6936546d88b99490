using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Voting;
using CoordBot.Features.Deadlines;
using CoordBot.Features.Delegations;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary><c>/vote_open D&lt;n&gt; [procedural|substantive] [&lt;hours&gt;h] [recuse CODE,...] [rule]</c>: the chair opens the written procedure on the text in blue.</summary>
internal sealed class VoteOpenHandler(CouncilProvider councilProvider, IVotableDrafts drafts, VoteDeadlines deadlines, ClosingReminders reminders, DelegationMessenger messenger, VoterNotices notices, VotingText text)
    : Command<VoteOpenHandler.Arguments>
{
    private const decimal MaxHours = 168;

    private static readonly CommandInfo InCouncil = new("vote_open", "/vote_open D<n> [procedural|substantive] [<hours>h | <yyyy-mm-dd> <HH:mm> [IANA zone]] [recuse CODE,CODE] [council|majority|two-thirds|consensus]", "Open voting on a draft in blue (chair)")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/vote_open D3 substantive 24h recuse ZAF",
    };

    // A committee deciding by no-objection votes on nothing (no text of it goes in blue): /help and the menus there do not offer /vote_open.
    private static readonly CommandInfo InCommittee = InCouncil with { UsedInBody = false };

    /// <summary>The declaration in the body in scope (the one the update acts in; the first body outside any).</summary>
    public override CommandInfo Info => councilProvider.Council.WrittenProcedure == WrittenProcedure.NoObjection ? InCommittee : InCouncil;

    /// <summary>The draft, then optional words in any order; a word that is none of them fails the parse (the usage line).</summary>
    protected override Arguments Parse(ArgReader args)
    {
        var draftId = args.Id('D');
        MatterKind? matter = null;
        DecisionRuleKind? rule = null;
        string? hours = null;
        var recused = new List<string>();
        var until = new List<string>();
        while (args.HasMore)
        {
            var typed = args.Text();
            var word = typed.ToLowerInvariant();
            if (until.Count > 0 && !IsKeyword(word))
            {
                // The closing time goes on until the next of the command's own words (tomorrow 12:00 New York recuse ZAF).
                until.Add(typed);
                continue;
            }

            if (VoteRefs.Matters.TryGetValue(word, out var named))
            {
                matter = named;
            }
            else if (word.EndsWith('h') && StrictNumbers.TryParseDecimal(word[..^1], out _))
            {
                // Kept as written: whether it is within the window is the handler's answer, which says so.
                hours = word;
            }
            else if (word == "recuse" && args.HasMore)
            {
                recused.AddRange(args.Text().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()));
            }
            else if (DecisionRuleNames.Parse(word) is { IsSuccess: true } parsed)
            {
                rule = parsed.Value;
            }
            else if (hours is null && until.Count == 0 && DeadlineInput.StartsClockTime([typed], 0))
            {
                until.Add(typed);
            }
            else
            {
                args.Fail();
            }
        }

        return new(draftId, matter, hours, recused, rule) { Until = until };
    }

    private static bool IsKeyword(string word) =>
        VoteRefs.Matters.ContainsKey(word) || word == "recuse" || DecisionRuleNames.Parse(word).IsSuccess
        || (word.EndsWith('h') && StrictNumbers.TryParseDecimal(word[..^1], out _));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var council = councilProvider.Council;
        TimeSpan? window = null;
        if (args.Hours is { } hours)
        {
            // Strict: "NaNh" or "1e-9h" would otherwise pass a range check and close the vote at once, for good.
            if (!StrictNumbers.TryParseHours(hours, 0m, MaxHours, out var parsed))
            {
                context.Reply(VotingText.WindowOutOfRange(context.Update.Language));
                return;
            }

            window = parsed;
        }
        else if (args.Until.Count > 0)
        {
            // A closing day and time (tomorrow 12:00 New York), read in the chair's language and zone.
            var now = context.Update.NowUtc;
            var closes = DeadlineInput.Resolve(DeadlineWords.At(args.Until), context.Update.Language, context.Actor.TimeZone, now, now, TimeSpan.FromHours((double)MaxHours));
            if (!closes.IsAccepted)
            {
                context.Reply(DeadlineInput.Say(context.Update.Language, closes.Refusal!, Info.UsageIn(context.Update.Language), context.Actor.TimeZone));
                return;
            }

            window = closes.Value - now;
        }

        if (args.Recused.FirstOrDefault(code => !council.IsMember(code)) is { } stranger)
        {
            context.Reply(VotingText.NotACouncilMember(context.Update.Language, stranger));
            return;
        }

        var db = context.Update.Db;
        var draftId = args.DraftId;
        var draft = await drafts.FindAsync(db, draftId, cancellationToken);
        if (draft is null)
        {
            context.Reply(VotingText.NoDraft(context.Update.Language, draftId));
            return;
        }

        if (draft.Status != DraftStatus.InBlue)
        {
            context.Reply(draft.Status == DraftStatus.Voting ? VotingText.AlreadyVoting(context.Update.Language, draftId) : VotingText.NotInBlue(context.Update.Language, draftId));
            return;
        }

        var votingCodes = council.Members.Select(m => m.Code).Where(c => !args.Recused.Contains(c)).ToList();
        if (votingCodes.Count == 0)
        {
            context.Reply(VotingText.EveryoneRecused(context.Update.Language, draftId));
            return;
        }

        var schedule = WrittenVotingSchedule.For(context.Update.NowUtc, council, window);
        var vote = new Vote
        {
            DraftId = draftId,
            Version = draft.Version,
            Title = draft.Title,
            Text = draft.Text,
            TextHash = draft.Hash,
            Matter = args.Matter ?? MatterKind.Substantive,
            Rule = args.Rule ?? council.DefaultRule,
            VotingCodes = string.Join(',', votingCodes),
            RecusedCodes = string.Join(',', args.Recused.Distinct()),
            AllowChange = council.AllowVoteChange,
            OpenTally = council.OpenVotes,
            OpenedBy = context.Actor.UserId,
            OpenedInChatId = context.Update.ChatId,
            OpenedAt = schedule.StartUtc,
            ClosesAt = schedule.ClosesAtUtc,
        };
        db.Votes.Add(vote);
        await drafts.MarkVotingAsync(db, draftId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        context.Update.Audit("vote.opened", $"{vote.LogId} on D{draftId} v{draft.Version} {VotingText.MatterWord(vote.Matter)} {DecisionRuleNames.ToName(vote.Rule)}, closes {vote.ClosesAt:O}, recused [{vote.RecusedCodes}]");

        await notices.SendAsync(
            db, context.Update.Outbox, vote, votingCodes,
            (code, language, zone) => text.BallotPaper(language, vote, code, zone),
            (_, language, zone) => text.VotingStarted(language, vote, zone),
            groupButtons: false,
            cancellationToken);
        if (vote.Recused.Count > 0)
        {
            // A party that may not read the draft is told that a vote concerns it, without its title or hash.
            var hidden = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in vote.Recused)
            {
                if (!await VoteVisibility.MayKnowAsync(db, vote, code, cancellationToken))
                {
                    hidden.Add(code);
                }
            }

            await messenger.SendInLanguagesAsync(db, context.Update.Outbox, vote.Recused, (code, language) => hidden.Contains(code) ? VotingText.HiddenRecusedNotice(language) : text.RecusedNotice(language, vote), cancellationToken);
        }

        await deadlines.ScheduleAsync(vote, cancellationToken);
        await reminders.ScheduleAsync(vote, context.Update.NowUtc, cancellationToken);
        context.Reply(text.Opened(context.Update.Language, vote, context.Actor.TimeZone));
    }

    /// <summary>What the chair asked for; anything not given is the council's default.</summary>
    internal sealed record Arguments(long DraftId, MatterKind? Matter, string? Hours, IReadOnlyList<string> Recused, DecisionRuleKind? Rule)
    {
        /// <summary>The words of a closing day and time, read when the command runs (<see cref="DeadlineInput"/>); empty with hours or the default.</summary>
        public IReadOnlyList<string> Until { get; init; } = [];
    }
}
