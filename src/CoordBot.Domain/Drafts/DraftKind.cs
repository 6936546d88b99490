namespace CoordBot.Domain.Drafts;

/// <summary>
/// What a draft is, which decides how it is agreed (domain.md, "Kinds of text"): a resolution is voted; a presidential
/// statement is agreed by consensus (silence) and adopted when the president reads it at a meeting; a press statement
/// is agreed under silence. Resolution is the default: drafts made before kinds existed were all voted.
/// </summary>
public enum DraftKind
{
    Resolution,
    PresidentialStatement,
    PressStatement,
}
