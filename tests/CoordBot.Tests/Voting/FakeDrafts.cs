using System.Collections.Concurrent;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Voting;
using CoordBot.Persistence;

namespace CoordBot.Tests.Voting;

/// <summary>Drafts as voting sees them, kept in memory: lets the voting rules be tested on their own.</summary>
internal sealed class FakeDrafts : IVotableDrafts
{
    public ConcurrentDictionary<long, VotableDraft> Drafts { get; } = new();

    public void AddInBlue(long id, string title = "Resolution on the situation in the Middle East", string text = "The Security Council,\n\nDecides to remain seized of the matter.") =>
        Drafts[id] = new VotableDraft(id, title, DraftStatus.InBlue, 4, text, ContentHash.Of(text), ["FRA"]);

    public Task<VotableDraft?> FindAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken) =>
        Task.FromResult(Drafts.TryGetValue(draftId, out var draft) ? draft : null);

    public Task MarkVotingAsync(CoordBotDb db, long draftId, CancellationToken cancellationToken)
    {
        Drafts[draftId] = Drafts[draftId] with { Status = DraftStatus.Voting };
        return Task.CompletedTask;
    }

    public Task MarkDecidedAsync(CoordBotDb db, long draftId, bool adopted, CancellationToken cancellationToken)
    {
        Drafts[draftId] = Drafts[draftId] with { Status = adopted ? DraftStatus.Adopted : DraftStatus.NotAdopted };
        return Task.CompletedTask;
    }
}
