using CoordBot.Domain.Agenda;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Agenda;
using CoordBot.Features.Drafts;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Telegram;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Dashboard;

/// <summary>What needs one person now, read for their delegation and role (a read model over the features' tables).</summary>
public sealed record DashboardView(
    IReadOnlyList<OpenBallot> Ballots,
    IReadOnlyList<SilencedDraft> Silences,
    IReadOnlyList<UpcomingSession> Sessions,
    IReadOnlyList<ItemDuty> Items,
    IReadOnlyList<PendingAmendment> Amendments)
{
    public bool IsEmpty => Ballots.Count + Silences.Count + Sessions.Count + Items.Count + Amendments.Count == 0;
}

/// <summary>A vote open on a draft: <see cref="MustCast"/> when the person may cast their delegation's ballot and it has none yet.</summary>
public sealed record OpenBallot(long VoteId, long DraftId, int Version, string Title, DateTime ClosesAt, bool MustCast);

public sealed record SilencedDraft(long DraftId, string Title, DateTime DeadlineUtc, bool IsPenholder);

/// <summary>A session in the next days; <see cref="Attends"/> is the delegation's answer (null: none yet), <see cref="MayAnswer"/> whether this person gives it.</summary>
public sealed record UpcomingSession(long SessionId, string Title, DateTime StartUtc, bool? Attends, bool MayAnswer);

/// <summary>An agenda item of an upcoming session where the delegation holds the pen, or waits on the list of speakers (its place).</summary>
public sealed record ItemDuty(long ItemId, string Title, long SessionId, bool IsPenholder, int? SpeakerPlace);

public sealed record PendingAmendment(long AmendmentId, long DraftId, int? Paragraph, string ProposerCode);

/// <summary>Reads the dashboard of one person: only what their delegation may see, nothing for non-members.</summary>
public sealed class Dashboard(BotIdentity identity)
{
    /// <summary>How far ahead sessions are shown.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    /// <summary>The dashboard of the update's sender, written in the language of the chat, ids as links that open them.</summary>
    public async Task<(string Html, IReadOnlyList<IReadOnlyList<Button>>? Buttons)> ShowAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return await ShowForAsync(update, update.Actor, cancellationToken);
    }

    /// <summary>The dashboard of <paramref name="actor"/> as they are in the body in scope (issue 25: one part per body of theirs).</summary>
    public async Task<(string Html, IReadOnlyList<IReadOnlyList<Button>>? Buttons)> ShowForAsync(UpdateContext update, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var view = await ReadAsync(update.Db, actor, update.NowUtc, cancellationToken);
        var (html, buttons) = DashboardText.Render(view, actor, update.Language, identity.Username);
        return (html, buttons.Count == 0 ? null : buttons);
    }

    public async Task<DashboardView> ReadAsync(CoordBotDb db, Actor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var code = actor.DelegationCode;
        var readsDrafts = code is not null && Permissions.MayReadDrafts(actor).IsAllowed;
        var readable = readsDrafts ? await DraftDesk.ReadableByAsync(db, code!, cancellationToken) : [];

        var votes = await db.Votes.AsNoTracking().Where(v => v.ClosedAt == null).OrderBy(v => v.ClosesAt).ToListAsync(cancellationToken);
        var cast = code is null ? [] : await db.Ballots.AsNoTracking().Where(b => b.DelegationCode == code).Select(b => b.VoteId).ToListAsync(cancellationToken);
        var ballots = votes
            .Where(v => actor.IsOperator || (readsDrafts && v.Voting.Contains(code!) && !v.Recused.Contains(code!)))
            .Select(v => new OpenBallot(v.Id, v.DraftId, v.Version, v.Title, v.ClosesAt, Permissions.MayCastBallot(actor).IsAllowed && !cast.Contains(v.Id)))
            .ToList();

        var drafts = await db.Drafts.AsNoTracking().Where(d => d.Status == DraftStatus.UnderSilence && d.SilenceDeadlineUtc != null).OrderBy(d => d.SilenceDeadlineUtc).ToListAsync(cancellationToken);
        var silences = drafts
            .Where(d => actor.IsOperator || readable.Contains(d.Id))
            .Select(d => new SilencedDraft(d.Id, d.Title, d.SilenceDeadlineUtc!.Value, d.PenholderCode == code))
            .ToList();

        var until = nowUtc + Horizon;
        var upcoming = await db.Sessions.AsNoTracking().Where(s => s.CancelledAt == null && s.StartUtc > nowUtc && s.StartUtc < until).OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var visible = upcoming.Where(s => SessionAccess.CanSee(s, actor)).ToList();
        var ids = visible.Select(s => s.Id).ToList();
        var answers = code is null ? [] : await db.SessionAttendances.AsNoTracking().Where(a => a.DelegationCode == code && ids.Contains(a.SessionId)).ToDictionaryAsync(a => a.SessionId, a => a.Attends, cancellationToken);
        var mayAnswer = Permissions.MayAnswerAttendance(actor).IsAllowed;
        var sessions = visible.Select(s => new UpcomingSession(s.Id, s.Title, s.StartUtc, answers.TryGetValue(s.Id, out var a) ? a : null, mayAnswer)).ToList();

        var items = code is null ? [] : await ItemsAsync(db, code, ids, cancellationToken);
        var amendments = code is null || !readsDrafts ? [] : await db.DraftAmendments.AsNoTracking()
            .Where(m => m.Status == AmendmentStatus.Pending && db.Drafts.Any(d => d.Id == m.DraftId && d.PenholderCode == code))
            .OrderBy(m => m.Id)
            .Select(m => new PendingAmendment(m.Id, m.DraftId, m.Paragraph, m.DelegationCode))
            .ToListAsync(cancellationToken);

        return new DashboardView(ballots, silences, sessions, items, amendments);
    }

    private static async Task<List<ItemDuty>> ItemsAsync(CoordBotDb db, string code, List<long> sessionIds, CancellationToken cancellationToken)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => sessionIds.Contains(i.SessionId)).OrderBy(i => i.SessionId).ThenBy(i => i.Position).ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.Id).ToList();
        var waiting = await db.AgendaSpeakers.AsNoTracking()
            .Where(s => itemIds.Contains(s.AgendaItemId) && s.State == SpeakerState.Waiting)
            .OrderBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var duties = new List<ItemDuty>();
        foreach (var item in items)
        {
            var queue = waiting.Where(s => s.AgendaItemId == item.Id).Select(s => s.DelegationCode).ToList();
            var place = queue.IndexOf(code);
            var penholder = item.PenholderCodes.Contains(code, StringComparer.Ordinal);
            if (penholder || place >= 0)
            {
                duties.Add(new ItemDuty(item.Id, item.Title, item.SessionId, penholder, place >= 0 ? place + 1 : null));
            }
        }

        return duties;
    }
}
