using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Persistence;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary>Finding an item a reader may see, and the speakers list as stored rows.</summary>
internal static class AgendaAccess
{
    /// <summary>The item (tracked) and its session, or null after a reply; an item of an invisible session is reported as missing.</summary>
    public static async Task<(AgendaItem Item, Session Session)?> FindItemAsync(CommandContext context, CommandInfo info, EntityRef id, CancellationToken cancellationToken)
    {
        if (id.Malformed is { } word)
        {
            context.Reply(context.Text("Agenda.NotAnId", Html.Escape(word), info.UsageReplyIn(context.Update.Language)));
            return null;
        }

        var db = context.Update.Db;
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == id.Id, cancellationToken);
        var session = item is null ? null : await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == item.SessionId, cancellationToken);
        if (item is null || session is null || !SessionAccess.CanSee(session, context.Actor))
        {
            context.Reply(context.Text("Agenda.NoSuchItem", AgendaIds.Label(id.Id)));
            return null;
        }

        return (item, session);
    }

    /// <summary>Whether the person runs this session's agenda; else a reply naming who does. <paramref name="act"/>: Add, Move, Status or Floor.</summary>
    public static bool Manage(CommandContext context, Session session, string act)
    {
        if (SessionAccess.MayManage(session, context.Actor))
        {
            return true;
        }

        context.Reply(context.Text("Agenda.OnlyManager." + act, Html.Escape(SessionAccess.WhoManages(session, context.Update.Language)), session.Label));
        return false;
    }

    public static async Task<List<AgendaSpeaker>> SpeakerRowsAsync(CoordBotDb db, long itemId, CancellationToken cancellationToken) =>
        await db.AgendaSpeakers.Where(s => s.AgendaItemId == itemId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);

    public static SpeakersList ListOf(IEnumerable<AgendaSpeaker> rows, Func<string, string> nameOf) =>
        SpeakersList.From(rows.OrderBy(r => r.Sequence).Select(r => new Speaker(r.DelegationCode, r.State)), nameOf);

    /// <summary>Brings the stored rows in line with <paramref name="list"/>: removed, changed and new speakers (new ones at the end).</summary>
    public static void Save(CoordBotDb db, long itemId, List<AgendaSpeaker> rows, SpeakersList list, DateTime nowUtc)
    {
        var next = rows.Count == 0 ? 1 : rows.Max(r => r.Sequence) + 1;
        foreach (var row in rows.Where(r => list.Speakers.All(s => s.DelegationCode != r.DelegationCode)).ToList())
        {
            db.AgendaSpeakers.Remove(row);
        }

        foreach (var speaker in list.Speakers)
        {
            var row = rows.FirstOrDefault(r => r.DelegationCode == speaker.DelegationCode);
            if (row is null)
            {
                db.AgendaSpeakers.Add(new AgendaSpeaker { AgendaItemId = itemId, DelegationCode = speaker.DelegationCode, Sequence = next++, State = speaker.State, InscribedAt = nowUtc });
            }
            else
            {
                row.State = speaker.State;
            }
        }
    }
}
