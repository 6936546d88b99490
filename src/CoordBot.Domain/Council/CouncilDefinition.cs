namespace CoordBot.Domain.Council;

/// <summary>Everything the operator configures about the body: members, decision rule, thresholds, presidency and voting windows.</summary>
public sealed record CouncilDefinition(
    string Name,
    IReadOnlyList<CouncilMember> Members,
    DecisionRuleKind DefaultRule,
    int ProceduralThreshold,
    int SubstantiveThreshold,
    IReadOnlyList<string> PresidencyOrder,
    PresidencyAnchor PresidencyAnchor,
    bool AllowVoteChange = true,
    bool OpenVotes = false,
    int VotingHours = 24,
    int ExplanationHours = 3)
{
    /// <summary>The short lower-case key that names the body in commands and configuration (<c>unsc</c>, <c>1718</c>, <c>psc</c>); never a member's code.</summary>
    public string Key { get; init; } = DefaultKey;

    /// <summary>The name shown to people where the body must be told apart ("Security Council", "1718 Committee"); the full name when the file gives none.</summary>
    public string ShortName { get; init; } = Name;

    /// <summary>The full name in other languages, by language code ("fr", "zh"); English is <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The short name in other languages ("zh": "1718委员会"); English is <see cref="ShortName"/>.</summary>
    public IReadOnlyDictionary<string, string> ShortNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The full name in <paramref name="language"/>, or <see cref="Name"/> when the file gives none.</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Name;

    /// <summary>The short name in <paramref name="language"/>, or <see cref="ShortName"/> when the file gives none.</summary>
    public string ShortNameIn(string language) => ShortNames.TryGetValue(language, out var name) ? name : ShortName;

    /// <summary>Where the membership and rules come from, as the file states it (empty when it says nothing).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>How a text is agreed in writing: the classic silence procedure, or the committees' no-objection procedure with holds.</summary>
    public WrittenProcedure WrittenProcedure { get; init; } = WrittenProcedure.Silence;

    /// <summary>A chair fixed for a term (subsidiary bodies); null when the chair rotates monthly (rule 18).</summary>
    public FixedChair? FixedChair { get; init; }

    /// <summary>The key of a file that names none: a single-body deployment never needs one.</summary>
    public const string DefaultKey = "council";

    /// <summary>Reads the council JSON; on failure every problem is listed, each naming its entry.</summary>
    public static Result<CouncilDefinition> Parse(string json) => CouncilJson.Parse(json);

    public CouncilMember? FindMember(string code) =>
        Members.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

    public bool IsMember(string code) => FindMember(code) is not null;

    public bool IsPermanent(string code) => FindMember(code)?.Permanent ?? false;

    /// <summary>The member's English name, or the code itself when it is not a member (so messages never break).</summary>
    public string NameOf(string code) => FindMember(code)?.Name ?? code;

    /// <summary>The member's name in <paramref name="language"/> (English when the file gives none), or the code.</summary>
    public string NameOf(string code, string language) => FindMember(code)?.NameIn(language) ?? code;

    /// <summary>Members sorted by English name, the order rule 18 and rule 20 use.</summary>
    public static IReadOnlyList<string> AlphabeticalOrder(IEnumerable<CouncilMember> members) =>
        members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m => m.Code).ToList();
}
