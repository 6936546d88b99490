using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// What every draft command shares: finding a draft, deciding who may read it (the penholder and the
/// delegations on its circulation list, checked against the active membership at each command), and
/// telling those delegations, through <see cref="DelegationMessenger"/> only.
/// </summary>
public sealed class DraftDesk(CouncilProvider council, DelegationMessenger messenger)
{
    public CouncilProvider Council => council;

    /// <summary>
    /// The draft with <paramref name="id"/>, when <paramref name="reach"/> admits the sender to it and its state allows
    /// <paramref name="action"/> (if given). A draft the sender may not read is refused exactly like one that does not exist.
    /// </summary>
    public async Task<Outcome<Draft, DraftRefusal>> FindAsync(CommandContext context, long id, DraftReach reach, DraftAction? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.Actor;
        var draft = await context.Update.Db.Drafts.FindAsync([id], cancellationToken);
        var asChair = reach == DraftReach.Chair || (reach == DraftReach.ChairOrPenholder && actor.IsChair);
        if (draft is null || (!asChair && !await MayReadAsync(context, draft, cancellationToken)))
        {
            return Outcome<Draft, DraftRefusal>.Refuse(new(DraftRefusalCode.NotVisible, id));
        }

        var verdict = reach switch
        {
            DraftReach.Penholder => Permissions.MayRevise(actor.Rights, [draft.PenholderCode]),
            DraftReach.ChairOrPenholder => Permissions.MayStartSilenceOn(actor.Rights, actor.PresidentCode, [draft.PenholderCode]),
            _ => Verdict.Allowed,
        };
        return Checked(draft, action is { } next && verdict.IsAllowed ? DraftStateMachine.Check(draft.Status, next, draft.Label) : verdict);
    }

    /// <summary>The amendment with <paramref name="id"/> and its draft, for the penholder to decide: read, penholder, draft still open to decisions.</summary>
    public async Task<Outcome<AmendmentOnDraft, DraftRefusal>> FindAmendmentAsync(CommandContext context, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Update.Db;
        var amendment = await db.DraftAmendments.FindAsync([id], cancellationToken);
        var draft = amendment is null ? null : await db.Drafts.FindAsync([amendment.DraftId], cancellationToken);
        if (amendment is null || draft is null || !await MayReadAsync(context, draft, cancellationToken))
        {
            return Outcome<AmendmentOnDraft, DraftRefusal>.Refuse(new(DraftRefusalCode.NoAmendment, id));
        }

        var verdict = Permissions.MayRevise(context.Actor.Rights, [draft.PenholderCode]);
        if (verdict.IsAllowed)
        {
            verdict = DraftStateMachine.Check(draft.Status, DraftAction.DecideAmendment, draft.Label);
        }

        return verdict.IsAllowed
            ? Outcome<AmendmentOnDraft, DraftRefusal>.Accept(new(amendment, draft))
            : Outcome<AmendmentOnDraft, DraftRefusal>.Refuse(new(DraftRefusalCode.Refused, id, verdict.Reason));
    }

    /// <summary>Whether <paramref name="action"/> may happen to the draft now, for a command that checks it after checks of its own.</summary>
    public static Outcome<Draft, DraftRefusal> Check(Draft draft, DraftAction action)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Checked(draft, DraftStateMachine.Check(draft.Status, action, draft.Label));
    }

    private static Outcome<Draft, DraftRefusal> Checked(Draft draft, Verdict verdict) => verdict.IsAllowed
        ? Outcome<Draft, DraftRefusal>.Accept(draft)
        : Outcome<Draft, DraftRefusal>.Refuse(new(DraftRefusalCode.Refused, draft.Id, verdict.Reason));

    public static string NotVisible(long id) =>
        $"I know no draft D{id} that your delegation can read. Drafts are shown to the penholder and to the delegations they were circulated to; send /drafts to see yours.";

    /// <summary>Penholder first, then the circulation list.</summary>
    public async Task<IReadOnlyList<string>> ReadersAsync(CoordBotDb db, Draft draft, CancellationToken cancellationToken)
    {
        var circulated = await db.DraftCirculations.AsNoTracking()
            .Where(c => c.DraftId == draft.Id)
            .Select(c => c.DelegationCode)
            .ToListAsync(cancellationToken);
        // The council votes on a text every voting delegation can read (issue 12 item 5): a vote opened on the draft adds its voters.
        var votes = await db.Votes.AsNoTracking()
            .Where(v => v.DraftId == draft.Id)
            .Select(v => v.VotingCodes)
            .ToListAsync(cancellationToken);
        var voting = votes.SelectMany(codes => codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [draft.PenholderCode, .. circulated.Concat(voting).Where(c => c != draft.PenholderCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Ids of the drafts that <paramref name="code"/> may read: penholder, circulated to it, or voting on it.</summary>
    public static async Task<HashSet<long>> ReadableByAsync(CoordBotDb db, string code, CancellationToken cancellationToken)
    {
        var penholder = await db.Drafts.AsNoTracking().Where(d => d.PenholderCode == code).Select(d => d.Id).ToListAsync(cancellationToken);
        var circulated = await db.DraftCirculations.AsNoTracking().Where(c => c.DelegationCode == code).Select(c => c.DraftId).ToListAsync(cancellationToken);
        var votes = await db.Votes.AsNoTracking().Select(v => new { v.DraftId, v.VotingCodes }).ToListAsync(cancellationToken);
        var voting = votes
            .Where(v => v.VotingCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(code, StringComparer.Ordinal))
            .Select(v => v.DraftId);
        return [.. penholder, .. circulated, .. voting];
    }

    /// <summary>
    /// A head, deputy or adviser of a reading delegation, in a private chat or in a group linked to a reading
    /// delegation: a draft never goes to a chat whose delegation may not read it.
    /// </summary>
    public async Task<bool> MayReadAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        if (actor.DelegationCode is null || Permissions.MayReadDrafts(actor.Rights).IsRefused)
        {
            return false;
        }

        var readers = await ReadersAsync(context.Update.Db, draft, cancellationToken);
        return readers.Contains(actor.DelegationCode)
            && (context.Update.IsPrivate || (actor.ChatDelegationCode is { } chat && readers.Contains(chat)));
    }

    public Task<DraftVersion> VersionAsync(CoordBotDb db, Draft draft, int number, CancellationToken cancellationToken) =>
        db.DraftVersions.SingleAsync(v => v.DraftId == draft.Id && v.Number == number, cancellationToken);

    /// <summary>Queues <paramref name="html"/> for the penholder and every delegation on the circulation list.</summary>
    public async Task<int> NotifyReadersAsync(CoordBotDb db, Outbox outbox, Draft draft, string html, CancellationToken cancellationToken)
    {
        var readers = await ReadersAsync(db, draft, cancellationToken);
        return await messenger.SendAsync(db, outbox, readers, _ => html, cancellationToken);
    }

    public Task<int> SendAsync(CoordBotDb db, Outbox outbox, IReadOnlyCollection<string> codes, string html, CancellationToken cancellationToken) =>
        messenger.SendAsync(db, outbox, codes, _ => html, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> RecipientsAsync(CoordBotDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        messenger.RecipientsAsync(db, codes, includeObservers: false, cancellationToken);

    public string Delegation(string code) => $"{Html.Escape(council.Council.NameOf(code))} ({code})";

    public static string StatusName(DraftStatus status) => status switch
    {
        DraftStatus.Negotiation => "under negotiation",
        DraftStatus.UnderSilence => "under silence",
        DraftStatus.AgreedUnderSilence => "agreed under silence",
        DraftStatus.InBlue => "in blue",
        DraftStatus.Voting => "in voting",
        DraftStatus.Adopted => "adopted",
        DraftStatus.NotAdopted => "not adopted",
        DraftStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    /// <summary>"D3 v2 · title" with status, author, time (in the reader's zone, or UTC for a group) and the short hash.</summary>
    public string Header(Draft draft, DraftVersion version, string? zoneId)
    {
        var lines = new List<string>
        {
            $"<b>{draft.Label} v{version.Number}</b> · {Html.Escape(draft.Title)}",
            $"Status: {StatusName(draft.Status)}"
                + (draft.Status == DraftStatus.UnderSilence && draft.SilenceDeadlineUtc is { } deadline ? $" until {TimeDisplay.InZoneAndUtc(deadline, zoneId)}" : string.Empty)
                + (draft.BlueVersionId == version.Id ? " (this is the text in blue)" : string.Empty)
                + (version.Number != draft.CurrentVersion ? $"; the current version is v{draft.CurrentVersion}" : string.Empty),
            $"Penholder: {Delegation(draft.PenholderCode)}" + (draft.AgendaItemId is { } item ? $" · agenda item A{item}" : string.Empty),
            $"Version {version.Number} by {Html.Escape(version.AuthorName)} ({version.AuthorDelegation}), {TimeDisplay.InZone(version.CreatedAt, zoneId)}",
            $"Content hash: <code>{version.ShortHash}</code>",
        };
        return string.Join("\n", lines);
    }

    /// <summary>The zone to show times in: the reader's own in a private chat, UTC in a group (its readers sit in many zones).</summary>
    public static string? ZoneFor(CommandContext context) => context.Update.IsPrivate ? context.Actor.TimeZone : null;

    /// <summary>The version text, as a reader gets it: the header, a blank line, the escaped text.</summary>
    public string FullText(Draft draft, DraftVersion version, string? zoneId) =>
        $"{Header(draft, version, zoneId)}\n\n{Html.Escape(version.Text)}";

    public static DraftVersion NewVersion(Draft draft, int number, string text, Telegram.Routing.Actor actor, DateTime now) => new()
    {
        DraftId = draft.Id,
        Number = number,
        Text = text,
        Hash = ContentHash.Of(text),
        AuthorUserId = actor.UserId,
        AuthorName = actor.DisplayName,
        AuthorDelegation = actor.DelegationCode ?? "-",
        CreatedAt = now,
    };
}
