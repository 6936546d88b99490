using CoordBot.Domain.Voting;

namespace CoordBot.Features.Voting;

/// <summary>How a vote is written: the words of <c>/vote D3 yes</c> and the letters of the ballot buttons.</summary>
internal static class VoteRefs
{
    /// <summary>Every word (lower case) that names a choice; the buttons' <c>y</c>, <c>n</c>, <c>a</c> among them.</summary>
    public static readonly IReadOnlyDictionary<string, VoteChoice> Choices = new Dictionary<string, VoteChoice>(StringComparer.Ordinal)
    {
        ["yes"] = VoteChoice.Yes,
        ["y"] = VoteChoice.Yes,
        ["favour"] = VoteChoice.Yes,
        ["for"] = VoteChoice.Yes,
        ["no"] = VoteChoice.No,
        ["n"] = VoteChoice.No,
        ["against"] = VoteChoice.No,
        ["abstain"] = VoteChoice.Abstain,
        ["a"] = VoteChoice.Abstain,
        ["abstention"] = VoteChoice.Abstain,
        // The same words in the other official languages, as the ballot papers offer them.
        ["oui"] = VoteChoice.Yes,
        ["pour"] = VoteChoice.Yes,
        ["non"] = VoteChoice.No,
        ["contre"] = VoteChoice.No,
        ["sí"] = VoteChoice.Yes,
        ["si"] = VoteChoice.Yes,
        ["abstención"] = VoteChoice.Abstain,
        ["abstencion"] = VoteChoice.Abstain,
        ["за"] = VoteChoice.Yes,
        ["да"] = VoteChoice.Yes,
        ["против"] = VoteChoice.No,
        ["нет"] = VoteChoice.No,
        ["воздерживаюсь"] = VoteChoice.Abstain,
        ["赞成"] = VoteChoice.Yes,
        ["反对"] = VoteChoice.No,
        ["弃权"] = VoteChoice.Abstain,
        ["نعم"] = VoteChoice.Yes,
        ["لا"] = VoteChoice.No,
        ["امتناع"] = VoteChoice.Abstain,
    };

    /// <summary>
    /// The words (lower case) of <c>/vote_open</c> for the matter: the English contract words, and each official
    /// language's own, as a chair would write them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, MatterKind> Matters = new Dictionary<string, MatterKind>(StringComparer.Ordinal)
    {
        ["procedural"] = MatterKind.Procedural,
        ["substantive"] = MatterKind.Substantive,
        ["procédure"] = MatterKind.Procedural,
        ["procédural"] = MatterKind.Procedural,
        ["procédurale"] = MatterKind.Procedural,
        ["fond"] = MatterKind.Substantive,
        ["procedimiento"] = MatterKind.Procedural,
        ["procedimental"] = MatterKind.Procedural,
        ["fondo"] = MatterKind.Substantive,
        ["sustantiva"] = MatterKind.Substantive,
        ["процедурный"] = MatterKind.Procedural,
        ["процедурная"] = MatterKind.Procedural,
        ["существа"] = MatterKind.Substantive,
        ["существенный"] = MatterKind.Substantive,
        ["程序性"] = MatterKind.Procedural,
        ["实质性"] = MatterKind.Substantive,
        ["إجرائية"] = MatterKind.Procedural,
        ["إجرائي"] = MatterKind.Procedural,
        ["موضوعية"] = MatterKind.Substantive,
        ["موضوعي"] = MatterKind.Substantive,
    };

    public static bool TryParseChoice(string? text, out VoteChoice choice)
    {
        choice = default;
        return text is not null && Choices.TryGetValue(text.ToLowerInvariant(), out choice);
    }
}
