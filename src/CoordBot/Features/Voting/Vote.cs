using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>A written-procedure vote on one version of a draft in blue.</summary>
public sealed class Vote : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public long DraftId { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    /// <summary>The text voted on, kept with its hash so the record stands even if the draft changes later.</summary>
    public required string Text { get; set; }

    public required string TextHash { get; set; }

    public MatterKind Matter { get; set; }

    public DecisionRuleKind Rule { get; set; }

    /// <summary>Comma-separated codes of the delegations whose vote is taken.</summary>
    public required string VotingCodes { get; set; }

    /// <summary>Comma-separated codes of parties to a dispute, who do not vote.</summary>
    public string RecusedCodes { get; set; } = "";

    public bool AllowChange { get; set; }

    public bool OpenTally { get; set; }

    public long OpenedBy { get; set; }

    /// <summary>The chat the vote was opened in: its opener hears the result there too (null for votes opened before this was kept).</summary>
    public long? OpenedInChatId { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public bool? Adopted { get; set; }

    public string? Reason { get; set; }

    /// <summary>The symbol the adopted resolution received (<c>S/RES/2801 (2026)</c>); null when not adopted.</summary>
    public string? Symbol { get; set; }

    public DateTime? ExplanationsUntil { get; set; }

    public bool IsOpen => ClosedAt is null;

    public string LogId => $"V{Id}";

    public IReadOnlyList<string> Voting => Split(VotingCodes);

    public IReadOnlyList<string> Recused => Split(RecusedCodes);

    private static string[] Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
