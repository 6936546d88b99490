namespace CoordBot.Domain.Drafts;

/// <summary>A paragraph of a draft, numbered from 1 as it is referred to in comments (§3).</summary>
public sealed record Paragraph(int Number, string Text);
