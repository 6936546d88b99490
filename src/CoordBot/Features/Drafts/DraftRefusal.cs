using CoordBot.Domain;
using CoordBot.Domain.Drafts;

namespace CoordBot.Features.Drafts;

/// <summary>Why a draft command does not go ahead with the draft (or amendment) it names: a code, the id, and the domain's reason when a rule refused.</summary>
public sealed record DraftRefusal(DraftRefusalCode Code, long Id, Reason? Reason = null, DraftAction? Action = null);

public enum DraftRefusalCode
{
    /// <summary>No such draft, or one the sender's delegation (or this chat) may not read: the same answer for both.</summary>
    NotVisible,

    /// <summary>No such amendment, or one on a draft the sender's delegation may not read.</summary>
    NoAmendment,

    /// <summary>The silence deadline had passed unseen: the draft is now agreed under silence (<see cref="DraftRefusal.Action"/>: what was asked).</summary>
    SilenceOver,

    /// <summary>A rule about THIS draft refused (not its penholder, not in a state for this): <see cref="DraftRefusal.Reason"/> says why.</summary>
    Refused,
}

/// <summary>Whom a draft command serves, once the draft is found.</summary>
public enum DraftReach
{
    /// <summary>A delegation that may read the draft, in a chat that may show it.</summary>
    Readers,

    /// <summary>A reader of the penholder delegation.</summary>
    Penholder,

    /// <summary>The chair (who need not read the text), or the penholder delegation.</summary>
    ChairOrPenholder,

    /// <summary>The chair, on any draft (the door rule has admitted only the chair).</summary>
    Chair,
}

/// <summary>An amendment with the draft it amends.</summary>
public sealed record AmendmentOnDraft(DraftAmendment Amendment, Draft Draft);
