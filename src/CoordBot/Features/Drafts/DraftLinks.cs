using CoordBot.Domain.Drafts;
using CoordBot.Features.Agenda;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>For the agenda: the drafts linked to agenda items, as labels such as "D3 (in blue)".</summary>
public sealed class DraftLinks : IAgendaDraftLinks
{
    /// <summary>Labels per agenda item id, in draft order; items without drafts are absent. Withdrawn drafts are listed as such.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> LabelsAsync(CoordBotDb db, IReadOnlyCollection<long> agendaItemIds, CancellationToken cancellationToken)
    {
        if (agendaItemIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<string>>();
        }

        var ids = agendaItemIds.Distinct().ToList();
        var drafts = await db.Drafts.AsNoTracking()
            .Where(d => d.AgendaItemId != null && ids.Contains(d.AgendaItemId.Value))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, Item = d.AgendaItemId!.Value, d.Status })
            .ToListAsync(cancellationToken);
        return drafts
            .GroupBy(d => d.Item)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => Label(d.Id, d.Status)).ToList());
    }

    public static string Label(long draftId, DraftStatus status) => $"D{draftId} ({DraftDesk.StatusName(status)})";
}
