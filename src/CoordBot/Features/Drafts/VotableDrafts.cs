using CoordBot.Domain.Drafts;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>Drafts as voting sees them: the text in blue, locked while voting is open, then adopted or not.</summary>
internal sealed class VotableDrafts(AdoptedSymbols symbols, TimeProvider time) : IVotableDrafts
{
    public async Task<VotableDraft?> FindAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.FindAsync([draftId], cancellationToken);
        if (draft is null)
        {
            return null;
        }

        // In blue and after: the locked version; before that, the current one (voting refuses it anyway).
        var versionId = draft.BlueVersionId ?? draft.CurrentVersionId;
        var version = await db.DraftVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken);
        return new VotableDraft(draft.Id, draft.Title, draft.Status, version.Number, version.Text, version.Hash, draft.PenholderCodes);
    }

    public Task MarkVotingAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) =>
        MoveAsync(db, draftId, DraftAction.OpenVote, adopted: null, cancellationToken);

    public Task MarkDecidedAsync(CoordBotDb db, long draftId, bool adopted, CancellationToken cancellationToken) =>
        MoveAsync(db, draftId, DraftAction.CloseVote, adopted, cancellationToken);

    public async Task<string?> SymbolAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) =>
        (await db.Drafts.FindAsync([draftId], cancellationToken))?.Symbol;

    private async Task MoveAsync(CoordBotDb db, long draftId, DraftAction action, bool? adopted, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.FindAsync([draftId], cancellationToken)
            ?? throw new InvalidOperationException($"D{draftId} vanished during a vote.");
        var next = DraftPaths.Next(draft.Kind, draft.Status, action, adopted, draft.Label);
        if (!next.IsAccepted)
        {
            throw new InvalidOperationException($"{draft.Label}: {next.Refusal}");
        }

        draft.Status = next.Value;
        if (DraftPaths.Adopts(draft.Status))
        {
            // The resolution's number is taken as the vote closes, in the same transaction as the result.
            await symbols.AssignAsync(db, draft, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }
}
