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
    /// <summary>Reads the council JSON; on failure every problem is listed, each naming its entry.</summary>
    public static Result<CouncilDefinition> Parse(string json) => CouncilJson.Parse(json);

    /// <summary>The body's key (issue 25): short, lower case, unique in a deployment (<c>unsc</c>, <c>1718</c>, <c>psc</c>); null when the file gives none.</summary>
    public string? Key { get; init; }

    /// <summary>The body's name as shown to people beside each line of its business; null: <see cref="Name"/>.</summary>
    public string? ShortName { get; init; }

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
