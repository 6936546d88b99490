using CoordBot.Domain.Drafts;

namespace CoordBot.Features.Drafts;

/// <summary>
/// A draft text (<c>D&lt;Id&gt;</c>) led by a penholder delegation. Its versions never change; the draft points
/// at the current one and, once in blue, at the locked one (the text a vote is taken on).
/// </summary>
public sealed class Draft : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The agenda item (<c>A&lt;n&gt;</c>) it belongs to; not checked against the agenda (built separately).</summary>
    public long? AgendaItemId { get; set; }

    public required string PenholderCode { get; set; }

    public DraftStatus Status { get; set; }

    /// <summary>What the text is, which decides how it is agreed (<see cref="DraftPaths"/>); resolution for drafts made before kinds existed.</summary>
    public DraftKind Kind { get; set; }

    /// <summary>Once adopted: its symbol (<c>S/RES/2801 (2026)</c>, <c>S/PRST/2026/3</c>, <c>SC/16250</c>), unique in its series.</summary>
    public string? Symbol { get; set; }

    /// <summary>The year that splits the symbol's series (<see cref="DocumentSymbols.SeriesYear"/>: 0 for a series that runs on).</summary>
    public int? SymbolYear { get; set; }

    public int? SymbolNumber { get; set; }

    public DateTime? AdoptedAt { get; set; }

    /// <summary>A presidential statement: the session at which the president read it.</summary>
    public long? AdoptedAtSessionId { get; set; }

    /// <summary>Number of the current version (1, 2, ...).</summary>
    public int CurrentVersion { get; set; }

    public long? CurrentVersionId { get; set; }

    /// <summary>The version put in blue: set once, by /blue.</summary>
    public long? BlueVersionId { get; set; }

    public long CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>While under silence: when it ends (UTC).</summary>
    public DateTime? SilenceDeadlineUtc { get; set; }

    public DateTime? SilenceStartedAt { get; set; }

    /// <summary>The chat the silence was started in: its starter hears the outcome there too.</summary>
    public long? SilenceStartedInChatId { get; set; }

    /// <summary>The silence's deadline was counted in working days (<c>5wd</c>), in <see cref="SilenceZone"/>; a hold's time left is counted the same way.</summary>
    public bool SilenceWorkingDays { get; set; }

    /// <summary>The IANA zone the working days are counted in (the zone of whoever started the silence).</summary>
    public string? SilenceZone { get; set; }

    /// <summary>While held under the no-objection procedure: the time that was left when the clock stopped (seconds), restored when the last hold is lifted.</summary>
    public long? SilenceRemainingSeconds { get; set; }

    /// <summary>Delegations holding the decision now, comma separated codes (the holds themselves, with reasons, are <see cref="DraftHold"/> rows).</summary>
    public string Holders { get; set; } = string.Empty;

    public IReadOnlyList<string> HolderCodes => Holders.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public DateTime? AgreedUnderSilenceAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Co-penholders, comma separated codes: they revise, accept and reject like the penholder.</summary>
    public string CoPenholders { get; set; } = string.Empty;

    /// <summary>Sponsoring delegations, comma separated codes, in the order they joined.</summary>
    public string Sponsors { get; set; } = string.Empty;

    public IReadOnlyList<string> CoPenholderCodes => CoPenholders.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> SponsorCodes => Sponsors.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The lead penholder first, then the co-penholders: every delegation that holds the pen.</summary>
    public IReadOnlyList<string> PenholderCodes => [PenholderCode, .. CoPenholderCodes];

    public string Label => $"D{Id}";
}

/// <summary>One immutable text of a draft, with its fingerprint.</summary>
public sealed class DraftVersion
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }

    /// <summary>SHA-256 of the NFC text (<see cref="ContentHash"/>); readers see its first 8 digits.</summary>
    public required string Hash { get; set; }

    public long AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string AuthorDelegation { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The Telegram file id of the .docx or .pdf document this version's text was read from: kept with the version and
    /// passed on to readers with its notices. Null for a text typed, sent as .txt/.md (the text is the original), or made by the bot.
    /// </summary>
    public string? OriginalFileId { get; set; }

    /// <summary>The original document's name as its sender gave it (shown, never trusted as a path).</summary>
    public string? OriginalFileName { get; set; }

    public string ShortHash => Hash[..8];
}

/// <summary>A delegation's comment on one version (optionally one paragraph).</summary>
public sealed class DraftComment
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public int VersionNumber { get; set; }

    public int? Paragraph { get; set; }

    public required string DelegationCode { get; set; }

    public long UserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Addressed to the penholder alone (<c>/comment_private</c>): only the penholder and the author's delegation see it.</summary>
    public bool ToPenholderOnly { get; set; }
}

public enum AmendmentStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>An amendment <c>M&lt;Id&gt;</c>: a proposed text against one version, decided by the penholder.</summary>
public sealed class DraftAmendment
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public int VersionNumber { get; set; }

    public int? Paragraph { get; set; }

    public required string DelegationCode { get; set; }

    public long ProposerUserId { get; set; }

    public required string ProposerName { get; set; }

    public required string Text { get; set; }

    public AmendmentStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>Goes in as new paragraph(s) after <see cref="Paragraph"/> (§0: at the start) rather than replacing it.</summary>
    public bool InsertsAfter { get; set; }

    /// <summary>The version that carries it, once the penholder applied it to the text (<c>/apply</c>).</summary>
    public int? AppliedInVersion { get; set; }

    public string Label => $"M{Id}";

    /// <summary>"§2" (replaces §2), "§2+" (new paragraph after §2), or empty when it names no paragraph.</summary>
    public string ParagraphRef => Paragraph is { } p ? (InsertsAfter ? $"§{p}+" : $"§{p}") : string.Empty;

    public ProposedAmendment Proposed => new(Label, Paragraph, InsertsAfter, Text);
}

/// <summary>
/// A delegation's objection to a version: silence broken with a reason. It stays unanswered until the penholder
/// makes a new version; "Put in blue" shows the unanswered ones before acting.
/// </summary>
public sealed class DraftObjection
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public int VersionNumber { get; set; }

    public required string DelegationCode { get; set; }

    public long UserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Reason { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A hold placed on a draft under the no-objection procedure: who, why (visible to the committee), and when it was lifted.</summary>
public sealed class DraftHold
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    public required string DelegationCode { get; set; }

    public long UserId { get; set; }

    public required string AuthorName { get; set; }

    public string? Reason { get; set; }

    public DateTime PlacedAt { get; set; }

    public DateTime? LiftedAt { get; set; }

    public long? LiftedByUserId { get; set; }

    /// <summary>When the procedure ended while held (an objection, a withdrawal): the hold ended with it.</summary>
    public DateTime? EndedAt { get; set; }
}

/// <summary>A delegation on a draft's circulation list: it may read the draft and receives its news.</summary>
public sealed class DraftCirculation
{
    public long DraftId { get; set; }

    public required string DelegationCode { get; set; }

    public DateTime CirculatedAt { get; set; }

    public long CirculatedBy { get; set; }
}
