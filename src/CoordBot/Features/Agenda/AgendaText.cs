using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Agenda;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary>A session's agenda as text: number, id, title, status, penholder, linked drafts. Goes with announcements and reminders too.</summary>
public sealed class AgendaText(CouncilProvider council, IAgendaDraftLinks draftLinks)
{
    public async Task<string> ForSessionAsync(CoordBotDb db, long sessionId, CancellationToken cancellationToken, string language = Languages.English)
    {
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.SessionId == sessionId)
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return Catalogue.Format(language, "Agenda.None");
        }

        var drafts = await draftLinks.LabelsAsync(db, items.Select(i => i.Id).ToList(), cancellationToken);
        var text = new StringBuilder(Catalogue.Format(language, "Agenda.Title"));
        var number = 1;
        foreach (var item in items)
        {
            text.Append('\n').Append(Bidi.Lines(language, Bidi.Isolate(language, $"{number++}.") + " " + Line(item, drafts.GetValueOrDefault(item.Id), language)));
        }

        return text.ToString();
    }

    /// <summary>One page of a session's agenda (<paramref name="page"/> of all its items), numbered from the page's first item, with a page heading when there are several.</summary>
    public async Task<string> PageAsync(CoordBotDb db, ListPage<AgendaItem> page, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Entries.Count == 0)
        {
            return Catalogue.Format(language, "Agenda.None");
        }

        var drafts = await draftLinks.LabelsAsync(db, page.Entries.Select(i => i.Id).ToList(), cancellationToken);
        var text = new StringBuilder(Catalogue.Format(language, "Agenda.Title"));
        if (!page.IsOnlyPage)
        {
            text.Append(' ').Append(page.Heading(language));
        }

        var number = page.FirstIndex + 1;
        foreach (var item in page.Entries)
        {
            text.Append('\n').Append(Bidi.Lines(language, Bidi.Isolate(language, $"{number++}.") + " " + Line(item, drafts.GetValueOrDefault(item.Id), language)));
        }

        return text.ToString();
    }

    /// <summary>An item's status in <paramref name="language"/> ("adopted", "adopté").</summary>
    public static string StatusWord(AgendaItemStatus status, string language) => Catalogue.Text(language, "Status." + status);

    /// <summary>One item: id, title (the user's own words, never translated), status, penholders and drafts.</summary>
    public string Line(AgendaItem item, IReadOnlyList<string>? drafts = null, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(item);
        var line = new StringBuilder(Catalogue.Format(language, "Agenda.Line", item.Label, Html.Escape(item.Title), StatusWord(item.Status, language)));
        if (item.PenholderCodes is [var pen, .. var co])
        {
            line.Append(Catalogue.Format(language, "Agenda.Penholder", Html.Escape(council.Council.NameOf(pen, language))));
            if (co.Length > 0)
            {
                line.Append(Catalogue.Format(language, "Agenda.With", Html.Escape(Lists.Join(language, co.Select(c => council.Council.NameOf(c, language)).ToList()))));
            }
        }

        if (drafts is { Count: > 0 })
        {
            line.Append(Catalogue.Format(language, "Agenda.Drafts", Html.Escape(string.Join(", ", drafts))));
        }

        // Each part above starts its line mark in Arabic; one at the start of the whole line is enough.
        return Bidi.Lines(language, line.ToString().Replace(Bidi.RightToLeftMark.ToString(), string.Empty, StringComparison.Ordinal));
    }
}
