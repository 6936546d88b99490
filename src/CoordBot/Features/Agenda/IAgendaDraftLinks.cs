using CoordBot.Persistence;

namespace CoordBot.Features.Agenda;

/// <summary>
/// The drafts linked to agenda items, as labels to show (e.g. "D4 (in blue)"). Implemented by the drafts feature.
/// </summary>
public interface IAgendaDraftLinks
{
    Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> LabelsAsync(CoordBotDb db, IReadOnlyCollection<long> agendaItemIds, CancellationToken cancellationToken);
}
