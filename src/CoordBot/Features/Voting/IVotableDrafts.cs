using CoordBot.Domain.Drafts;
using CoordBot.Persistence;

namespace CoordBot.Features.Voting;

/// <summary>What voting needs of the drafts feature: the text in blue, and the draft's status as voting locks and decides it.</summary>
public interface IVotableDrafts
{
    Task<VotableDraft?> FindAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken);

    /// <summary>Voting has opened: the text is locked and the draft cannot be withdrawn.</summary>
    Task MarkVotingAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken);

    Task MarkDecidedAsync(CoordBotDb db, long draftId, bool adopted, CancellationToken cancellationToken);

    /// <summary>The symbol the draft received when adopted (<c>S/RES/2801 (2026)</c>), or null.</summary>
    Task<string?> SymbolAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>A draft as voting sees it: the current version (the one in blue when <see cref="Status"/> is InBlue).</summary>
public sealed record VotableDraft(long Id, string Title, DraftStatus Status, int Version, string Text, string Hash, IReadOnlyList<string> Penholders);
