using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>The words of kinds of text and their symbols (<c>Kinds.*</c>, six languages): a reader sees what a text is, never its code.</summary>
internal static class KindsText
{
    /// <summary>The typed words of <c>/kind</c>: the codes and a diplomat's short names, in the six languages.</summary>
    public static readonly IReadOnlyDictionary<string, DraftKind> Words = new Dictionary<string, DraftKind>(StringComparer.Ordinal)
    {
        ["resolution"] = DraftKind.Resolution,
        ["res"] = DraftKind.Resolution,
        ["prst"] = DraftKind.PresidentialStatement,
        ["presidential"] = DraftKind.PresidentialStatement,
        ["press"] = DraftKind.PressStatement,
        ["résolution"] = DraftKind.Resolution,
        ["présidentielle"] = DraftKind.PresidentialStatement,
        ["presse"] = DraftKind.PressStatement,
        ["resolución"] = DraftKind.Resolution,
        ["presidencial"] = DraftKind.PresidentialStatement,
        ["prensa"] = DraftKind.PressStatement,
        ["резолюция"] = DraftKind.Resolution,
        ["председателя"] = DraftKind.PresidentialStatement,
        ["печати"] = DraftKind.PressStatement,
        ["决议"] = DraftKind.Resolution,
        ["主席声明"] = DraftKind.PresidentialStatement,
        ["新闻谈话"] = DraftKind.PressStatement,
        ["قرار"] = DraftKind.Resolution,
        ["رئاسي"] = DraftKind.PresidentialStatement,
        ["صحفي"] = DraftKind.PressStatement,
    };

    /// <summary>The words of a committee's decision, in the six languages (UN terminology).</summary>
    private static readonly IReadOnlyDictionary<string, DraftKind> DecisionWords = new Dictionary<string, DraftKind>(StringComparer.Ordinal)
    {
        ["decision"] = DraftKind.Decision,
        ["décision"] = DraftKind.Decision,
        ["decisión"] = DraftKind.Decision,
        ["решение"] = DraftKind.Decision,
        ["决定"] = DraftKind.Decision,
        ["مقرر"] = DraftKind.Decision,
    };

    private static readonly IReadOnlyDictionary<string, DraftKind> AllWords =
        Words.Concat(DecisionWords).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

    /// <summary>
    /// The words <c>/kind</c> reads in a body under <paramref name="procedure"/>: in a committee every kind's, so that a
    /// kind it does not use is refused with the reason; in the Council its own three, as always (a decision is an unknown word there).
    /// </summary>
    public static IReadOnlyDictionary<string, DraftKind> WordsIn(WrittenProcedure procedure) =>
        procedure == WrittenProcedure.NoObjection ? AllWords : Words;

    /// <summary>The code <c>/kind</c> takes for <paramref name="kind"/> (what a button sends).</summary>
    public static string Code(DraftKind kind) => kind switch
    {
        DraftKind.PresidentialStatement => "prst",
        DraftKind.PressStatement => "press",
        DraftKind.Decision => "decision",
        _ => "resolution",
    };

    /// <summary>"draft resolution", "draft presidential statement", "draft press statement" in the reader's language.</summary>
    public static string Name(string language, DraftKind kind) => Catalogue.Text(language, "Kinds.Name." + kind);

    /// <summary>How a text of this kind is agreed and adopted, as a clause.</summary>
    public static string Path(string language, DraftKind kind) => Catalogue.Text(language, "Kinds.Path." + kind);

    /// <summary>The header's line: what the text is and, once adopted, its symbol.</summary>
    public static string HeaderLine(string language, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Catalogue.Format(language, "Kinds.Header", Name(language, draft.Kind))
            + (draft.Symbol is { } symbol ? Catalogue.Format(language, "Kinds.Header.Symbol", Html.Escape(symbol)) : string.Empty);
    }

    /// <summary>What the silence's end means for the kind: a press statement adopted with its symbol; a presidential statement ready to be read.</summary>
    public static string AfterSilence(string language, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Kind switch
        {
            DraftKind.PressStatement when draft.Symbol is { } symbol => "\n" + Catalogue.Format(language, "Kinds.Press.Adopted", Html.Escape(symbol)),
            DraftKind.PresidentialStatement => "\n" + Catalogue.Format(language, "Kinds.Prst.Agreed", draft.Label),
            DraftKind.Decision when draft.Status == DraftStatus.Adopted => "\n" + Catalogue.Text(language, "Kinds.Decision.Adopted"),
            _ => string.Empty,
        };
    }

    /// <summary>
    /// The row of buttons that make the draft each of the other kinds its body uses (<paramref name="kinds"/>), under a new
    /// draft and the answer to <c>/kind</c>; no row when there is no other (a committee's decision).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(string language, Draft draft, IReadOnlyList<DraftKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(kinds);
        IReadOnlyList<Button> row = [.. kinds
            .Where(k => k != draft.Kind)
            .Select(k => CommandButton.For(Catalogue.Format(language, "Kinds.Button.MakeIt", Name(language, k)), $"kind {draft.Label} {Code(k)}"))];
        return row.Count > 0 ? [row] : [];
    }
}
