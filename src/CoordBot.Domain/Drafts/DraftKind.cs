namespace CoordBot.Domain.Drafts;

/// <summary>
/// What a draft is, which decides how it is agreed (domain.md, "Kinds of text"): a resolution is voted; a presidential
/// statement is agreed by consensus (silence) and adopted when the president reads it at a meeting; a press statement
/// is agreed under silence; a committee's decision is agreed in writing under the no-objection procedure (domain.md,
/// "Subsidiary bodies"). Resolution is the default: drafts made before kinds existed were all voted. Stored by name.
/// </summary>
public enum DraftKind
{
    Resolution,
    PresidentialStatement,
    PressStatement,

    /// <summary>A subsidiary body's decision: the chair circulates it under no-objection; never put in blue, voted or read out.</summary>
    Decision,
}
