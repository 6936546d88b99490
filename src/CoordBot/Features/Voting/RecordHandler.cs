using System.Text;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>
/// <c>/record D&lt;n&gt;</c>: the record of a vote as a document: the text with its hash, each vote with its time, the result and
/// reason, the explanations; written in the requester's language (the chat's), its file name the same in all.
/// </summary>
internal sealed class RecordHandler(VotingService voting, VotingText text, DraftDesk desk) : VoteCommand(voting)
{
    private readonly VotingService _voting = voting;

    public override CommandInfo Info { get; } = new("record", "/record D<n>", "The record of a vote, as a document")
    {
        Rule = Rules.Of(Permissions.MayReadVoteRecord),
        Where = ChatScope.CouncilChat,
        Example = "/record D3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        // The record goes into this chat only if everyone who reads the chat may read it (an operator in a group of a delegation that may not).
        if (!await MayReadAsync(context, vote, cancellationToken) || !await VoteVisibility.MayKnowHereAsync(context.Update, vote, cancellationToken))
        {
            context.Reply(DraftDesk.NotVisible(vote.DraftId));
            return;
        }

        if (vote.IsOpen)
        {
            context.Reply(VotingText.RecordWhileOpen(context.Update.Language, vote.DraftId));
            return;
        }

        var db = context.Update.Db;
        var count = await _voting.CountAsync(db, vote, cancellationToken);
        var log = await db.BallotLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var explanations = await db.Explanations.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        context.Update.Outbox.SendDocument(
            context.Update.ChatId,
            VotingText.RecordFileName(vote),
            Encoding.UTF8.GetBytes(text.RecordDocument(context.Update.Language, vote, count, explanations, log)),
            VotingText.RecordCaption(context.Update.Language, vote, count.Result));
    }

    /// <summary>
    /// The delegations that voted read the text in blue (it was opened to them with the vote); anyone else only
    /// as the draft itself allows: its penholder and the delegations it was circulated to.
    /// </summary>
    private async Task<bool> MayReadAsync(CommandContext context, Vote vote, CancellationToken cancellationToken)
    {
        if (Permissions.MayReadVotedText(context.Actor, vote.Voting).IsAllowed)
        {
            return true;
        }

        var draft = await context.Update.Db.Drafts.FindAsync([vote.DraftId], cancellationToken);
        return draft is not null && await desk.MayReadAsync(context, draft, cancellationToken);
    }
}
