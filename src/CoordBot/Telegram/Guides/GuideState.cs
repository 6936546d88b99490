using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Telegram.Guides;

/// <summary>
/// An unfinished guided command of one person in one chat: which command, the answers so far, and when it
/// lapses. Stored, so a restart resumes it; one per person and chat (starting another replaces it).
/// </summary>
public sealed class GuideState
{
    public long ChatId { get; set; }

    public long UserId { get; set; }

    public required string Command { get; set; }

    /// <summary>The step being asked; equal to the number of steps while the summary waits for Confirm.</summary>
    public int Step { get; set; }

    /// <summary>The answers given, one per step, as a JSON array of strings (the words of the typed form).</summary>
    public string Answers { get; set; } = "[]";

    /// <summary>Set while one step is asked again from the summary (Change): its answer leads back to the summary.</summary>
    public bool Revising { get; set; }

    /// <summary>
    /// The body the guide was started in (issue 25), so every answer and Confirm act in it, also in a private chat of someone in
    /// several bodies whose answers name no body; null where one body serves (no body is ever in question).
    /// </summary>
    public int? BodyId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class GuideStateConfiguration : IEntityTypeConfiguration<GuideState>
{
    public void Configure(EntityTypeBuilder<GuideState> builder)
    {
        builder.ToTable("GuideStates");
        builder.HasKey(g => new { g.ChatId, g.UserId });
        builder.Property(g => g.Command).HasMaxLength(32);
        builder.HasIndex(g => g.ExpiresAt);
    }
}
