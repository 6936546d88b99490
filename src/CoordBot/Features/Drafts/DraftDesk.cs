using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
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
public sealed class DraftDesk(CouncilProvider council, DelegationMessenger messenger, DraftButtons buttons, PresidencyService presidency)
{
    public CouncilProvider Council => council;

    public DraftButtons Buttons => buttons;

    /// <summary>The kinds of text the body in scope uses, its default first (<see cref="BodyKinds"/>).</summary>
    public IReadOnlyList<DraftKind> Kinds => BodyKinds.Of(council.Council.WrittenProcedure);

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

        var verdict = ReachVerdict(actor, draft, reach);
        return Checked(draft, action is { } next && verdict.IsAllowed ? DraftPaths.Check(draft.Kind, draft.Status, next, draft.Label) : verdict);
    }

    /// <summary>Whether <paramref name="reach"/> serves <paramref name="actor"/> on this draft, once they may see it (the penholder's commands, the chair's).</summary>
    public static Verdict ReachVerdict(Actor actor, Draft draft, DraftReach reach)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        return reach switch
        {
            DraftReach.Penholder => Permissions.MayRevise(actor, draft.PenholderCodes),
            DraftReach.ChairOrPenholder => Permissions.MayStartSilenceOn(actor, actor.PresidentCode, draft.PenholderCodes),
            DraftReach.Chair => Rules.Chair(actor),
            _ => Verdict.Allowed,
        };
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

        var verdict = ReachVerdict(context.Actor, draft, DraftReach.Penholder);
        if (verdict.IsAllowed)
        {
            verdict = DraftPaths.Check(draft.Kind, draft.Status, DraftAction.DecideAmendment, draft.Label);
        }

        return verdict.IsAllowed
            ? Outcome<AmendmentOnDraft, DraftRefusal>.Accept(new(amendment, draft))
            : Outcome<AmendmentOnDraft, DraftRefusal>.Refuse(new(DraftRefusalCode.Refused, id, verdict.Reason));
    }

    /// <summary>Whether <paramref name="action"/> may happen to the draft now, for a command that checks it after checks of its own.</summary>
    public static Outcome<Draft, DraftRefusal> Check(Draft draft, DraftAction action)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Checked(draft, DraftPaths.Check(draft.Kind, draft.Status, action, draft.Label));
    }

    private static Outcome<Draft, DraftRefusal> Checked(Draft draft, Verdict verdict) => verdict.IsAllowed
        ? Outcome<Draft, DraftRefusal>.Accept(draft)
        : Outcome<Draft, DraftRefusal>.Refuse(new(DraftRefusalCode.Refused, draft.Id, verdict.Reason));

    public static string NotVisible(long id) => NotVisible(Languages.English, id);

    public static string NotVisible(string language, long id) => Catalogue.Format(language, "Drafts.NotVisible", $"D{id}");

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
        return [draft.PenholderCode, .. circulated.Concat(voting).Concat(draft.CoPenholderCodes).Where(c => c != draft.PenholderCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Ids of the drafts that <paramref name="code"/> may read: penholder, circulated to it, or voting on it.</summary>
    public static async Task<HashSet<long>> ReadableByAsync(CoordBotDb db, string code, CancellationToken cancellationToken)
    {
        var penholder = await db.Drafts.AsNoTracking().Where(d => d.PenholderCode == code).Select(d => d.Id).ToListAsync(cancellationToken);
        var shared = await db.Drafts.AsNoTracking().Where(d => d.CoPenholders != string.Empty).Select(d => new { d.Id, d.CoPenholders }).ToListAsync(cancellationToken);
        penholder.AddRange(shared.Where(d => d.CoPenholders.Split(',').Contains(code, StringComparer.Ordinal)).Select(d => d.Id));
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
        if (actor.DelegationCode is null || Permissions.MayReadDrafts(actor).IsRefused)
        {
            return false;
        }

        var readers = await ReadersAsync(context.Update.Db, draft, cancellationToken);
        return readers.Contains(actor.DelegationCode)
            && (context.Update.IsPrivate || (actor.ChatDelegationCode is { } chat && readers.Contains(chat)));
    }

    public Task<DraftVersion> VersionAsync(CoordBotDb db, Draft draft, int number, CancellationToken cancellationToken) =>
        db.DraftVersions.SingleAsync(v => v.DraftId == draft.Id && v.Number == number, cancellationToken);

    /// <summary>
    /// Queues a message for the penholder and every delegation on the circulation list, written for each recipient's
    /// language, with the buttons of what that delegation may do with the draft now.
    /// </summary>
    /// <param name="answered">The chat the command was answered in: its reply said it already, so the notice is not sent there too.</param>
    public async Task<int> NotifyReadersAsync(CoordBotDb db, Outbox outbox, Draft draft, Func<string, string> htmlIn, CancellationToken cancellationToken, StarterChat? starter = null, long? answered = null)
    {
        var readers = await ReadersAsync(db, draft, cancellationToken);
        return await SendAsync(db, outbox, readers, draft, htmlIn, cancellationToken, starter, answered);
    }

    /// <summary>
    /// Queues a message about <paramref name="draft"/> for <paramref name="codes"/>, in each recipient's language, with the draft's
    /// buttons for each delegation; and for <paramref name="starter"/>, whoever started what it reports, where they started it.
    /// </summary>
    public async Task<int> SendAsync(CoordBotDb db, Outbox outbox, IReadOnlyCollection<string> codes, Draft draft, Func<string, string> htmlIn, CancellationToken cancellationToken, StarterChat? starter = null, long? answered = null)
    {
        var president = await ChairStepPresidentAsync(db, draft, outbox.NowUtc, cancellationToken);
        return await messenger.DeliverAsync(db, outbox, new DelegationNotice(codes, reader => htmlIn(reader.Language))
        {
            Buttons = reader => buttons.ForDelegation(draft, reader.DelegationCode, president, reader.Language),
            Starter = starter,
            Except = answered is { } chat ? [chat] : [],
        }, cancellationToken);
    }

    /// <summary>
    /// Who presides now, when the draft's state has a next step for the chair (<see cref="DraftButtons.HasChairStep"/>): the
    /// presiding delegation's copy of a notice carries it. Null otherwise, and nothing is looked up.
    /// </summary>
    public async Task<string?> ChairStepPresidentAsync(CoordBotDb db, Draft draft, DateTime nowUtc, CancellationToken cancellationToken) =>
        DraftButtons.HasChairStep(draft) ? await presidency.PresidentCodeAsync(db, nowUtc, cancellationToken) : null;

    /// <summary>
    /// Queues the original file of <paramref name="version"/> (a .docx or .pdf it was read from), by its Telegram file id, for
    /// the chats of <paramref name="codes"/>, captioned in each chat's language; after the notice it goes with, so it arrives
    /// second. Only delegations that may read the draft are ever passed here. Nothing for a version without an original.
    /// </summary>
    public async Task SendOriginalAsync(CoordBotDb db, Outbox outbox, IReadOnlyCollection<string> codes, Draft draft, DraftVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.OriginalFileId is not { } fileId)
        {
            return;
        }

        await messenger.DeliverAsync(db, outbox, new DelegationNotice(codes, reader => DocumentsText.Original(reader.Language, draft, version)) { DocumentFileId = fileId }, cancellationToken);
    }

    /// <summary>The chat the draft's silence was started in, to hear its outcome (none for a silence started before this was kept).</summary>
    public static StarterChat? SilenceStarter(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.SilenceStartedInChatId is { } chat ? new StarterChat(chat) : null;
    }

    /// <summary>Queues a message for <paramref name="codes"/>, in each recipient's language, with the buttons <paramref name="buttonsIn"/> gives for a delegation and language.</summary>
    public Task<int> SendAsync(CoordBotDb db, Outbox outbox, IReadOnlyCollection<string> codes, Func<string, string> htmlIn, Func<string, string, IReadOnlyList<IReadOnlyList<Button>>?> buttonsIn, CancellationToken cancellationToken) =>
        messenger.DeliverAsync(db, outbox, new DelegationNotice(codes, reader => htmlIn(reader.Language)) { Buttons = reader => buttonsIn(reader.DelegationCode, reader.Language) }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<long>>> RecipientsAsync(CoordBotDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        messenger.RecipientsAsync(db, codes, includeObservers: false, cancellationToken);

    public string Delegation(string code) => Delegation(Languages.English, code);

    /// <summary>"France (FRA)", the name in <paramref name="language"/>.</summary>
    public string Delegation(string language, string code) =>
        $"{Html.Escape(language == Languages.English ? council.Council.NameOf(code) : council.Council.NameOf(code, language))} ({code})";

    public static string StatusName(DraftStatus status) => StatusName(Languages.English, status);

    public static string StatusName(string language, DraftStatus status) => Catalogue.Text(language, "Drafts.Status." + status switch
    {
        DraftStatus.Negotiation => "Negotiation",
        DraftStatus.UnderSilence => "UnderSilence",
        DraftStatus.AgreedUnderSilence => "AgreedUnderSilence",
        DraftStatus.InBlue => "InBlue",
        DraftStatus.Voting => "Voting",
        DraftStatus.Adopted => "Adopted",
        DraftStatus.NotAdopted => "NotAdopted",
        DraftStatus.Withdrawn => "Withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    });

    /// <summary>"D3 v2 · title" with status, author, time (in the reader's zone, or UTC for a group) and the short hash.</summary>
    public string Header(string language, Draft draft, DraftVersion version, string? zoneId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(version);
        string Say(string key, params object?[] args) => Catalogue.Format(language, key, args);
        var lines = new List<string>
        {
            Say("Drafts.Header.Title", draft.Label, version.Number, Html.Escape(draft.Title)),
            Say("Drafts.Header.Status", StatusName(language, draft.Status))
                + (draft.Status == DraftStatus.UnderSilence && draft.SilenceDeadlineUtc is { } deadline ? Say("Drafts.Header.Until", Dates.InZoneAndUtc(language, deadline, zoneId)) : string.Empty)
                + (draft.Status == DraftStatus.UnderSilence && draft.HolderCodes.Count > 0 ? Say("Committees.HeldBy", Holders(language, draft)) : string.Empty)
                + (draft.BlueVersionId == version.Id ? Say("Drafts.Header.TextInBlue") : string.Empty)
                + (version.Number != draft.CurrentVersion ? Say("Drafts.Header.CurrentIs", draft.CurrentVersion) : string.Empty),
            KindsText.HeaderLine(language, draft),
            Say("Drafts.Header.Penholder", Delegation(language, draft.PenholderCode)) + (draft.AgendaItemId is { } item ? Say("Drafts.Header.AgendaItem", $"A{item}") : string.Empty),
        };
        if (draft.CoPenholderCodes.Count > 0)
        {
            lines.Add(Say("Drafting.Header.CoPenholders", Lists.Join(language, [.. draft.CoPenholderCodes.Select(c => Delegation(language, c))])));
        }

        if (draft.SponsorCodes.Count > 0)
        {
            lines.Add(Say("Drafting.Header.Sponsors", Lists.Join(language, [.. draft.SponsorCodes.Select(c => Delegation(language, c))])));
        }

        lines.AddRange(
        [
            Say("Drafts.Header.Version", version.Number, Html.Escape(version.AuthorName), version.AuthorDelegation, Dates.InZone(language, version.CreatedAt, zoneId)),
            Say("Drafts.Header.Hash", version.ShortHash),
        ]);
        return string.Join("\n", lines);
    }

    /// <summary>The codes of the delegations holding a decision, escaped and joined as the reader's language joins a list (English: "FRA, USA").</summary>
    public static string Holders(string language, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Lists.Join(language, [.. draft.HolderCodes.Select(Html.Escape)]);
    }

    /// <summary>The zone to show times in: the reader's own in a private chat, UTC in a group (its readers sit in many zones).</summary>
    public static string? ZoneFor(CommandContext context) => context.Update.IsPrivate ? context.Actor.TimeZone : null;

    /// <summary>
    /// The version text, as a reader gets it: the header, a blank line, then the escaped text (the author's words, never
    /// translated) paragraph by paragraph, each numbered §1, §2, ... as comments and amendments refer to them.
    /// </summary>
    public string FullText(string language, Draft draft, DraftVersion version, string? zoneId) =>
        $"{Header(language, draft, version, zoneId)}\n\n{Numbered(version.Text)}";

    /// <summary>Each paragraph on its own line after its number in bold: "§2 The Council ...".</summary>
    public static string Numbered(string text) =>
        string.Join("\n\n", Paragraphs.Split(text).Select(p => $"<b>§{p.Number}</b> {Html.Escape(p.Text)}"));

    /// <summary>A version from a text as sent, keeping the .docx/.pdf it was read from.</summary>
    internal static DraftVersion NewVersion(Draft draft, int number, DraftSubmission submission, Actor actor, DateTime now)
    {
        var version = NewVersion(draft, number, submission.Text, actor, now);
        version.OriginalFileId = submission.Original?.FileId;
        version.OriginalFileName = submission.Original?.FileName;
        return version;
    }

    public static DraftVersion NewVersion(Draft draft, int number, string text, Actor actor, DateTime now) => new()
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
