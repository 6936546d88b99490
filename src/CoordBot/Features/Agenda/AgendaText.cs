using System.Text;
using CoordBot.Council;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary>A session's agenda as text: number, id, title, status, penholder, linked drafts. Goes with announcements and reminders too.</summary>
public sealed class AgendaText(CouncilProvider council, IAgendaDraftLinks draftLinks)
{
    public async Task<string> ForSessionAsync(CoordBotDb db, long sessionId, CancellationToken cancellationToken)
    {
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.SessionId == sessionId)
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return "Agenda: none yet.";
        }

        var drafts = await draftLinks.LabelsAsync(db, items.Select(i => i.Id).ToList(), cancellationToken);
        var text = new StringBuilder("Agenda:");
        var number = 1;
        foreach (var item in items)
        {
            text.Append('\n').Append(number++).Append(". ").Append(Line(item, drafts.GetValueOrDefault(item.Id)));
        }

        return text.ToString();
    }

    public string Line(AgendaItem item, IReadOnlyList<string>? drafts = null)
    {
        var line = new StringBuilder($"{item.Label} {Html.Escape(item.Title)} ({item.Status.ToString().ToLowerInvariant()})");
        if (item.PenholderCodes is [var pen, .. var co])
        {
            line.Append(", penholder ").Append(Html.Escape(council.Council.NameOf(pen)));
            if (co.Length > 0)
            {
                line.Append(" with ").Append(Html.Escape(string.Join(", ", co.Select(council.Council.NameOf))));
            }
        }

        if (drafts is { Count: > 0 })
        {
            line.Append(", drafts: ").Append(Html.Escape(string.Join(", ", drafts)));
        }

        return line.ToString();
    }
}
