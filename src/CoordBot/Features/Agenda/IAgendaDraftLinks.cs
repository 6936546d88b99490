using CoordBot.Persistence;

namespace CoordBot.Features.Agenda;

/// <summary>
/// The drafts linked to agenda items, as labels to show (e.g. "D4 (in blue)"). A seam for the drafts
/// feature, which registers its own implementation; until then no item has linked drafts.
/// </summary>
public interface IAgendaDraftLinks
{
    Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> LabelsAsync(CoordBotDb db, IReadOnlyCollection<long> agendaItemIds, CancellationToken cancellationToken);
}

internal sealed class NoAgendaDraftLinks : IAgendaDraftLinks
{
    private static readonly IReadOnlyDictionary<long, IReadOnlyList<string>> None = new Dictionary<long, IReadOnlyList<string>>();

    public Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> LabelsAsync(CoordBotDb db, IReadOnlyCollection<long> agendaItemIds, CancellationToken cancellationToken) =>
        Task.FromResult(None);
}
