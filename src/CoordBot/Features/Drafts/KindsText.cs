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

    /// <summary>The code <c>/kind</c> takes for <paramref name="kind"/> (what a button sends).</summary>
    public static string Code(DraftKind kind) => kind switch
    {
        DraftKind.PresidentialStatement => "prst",
        DraftKind.PressStatement => "press",
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
            _ => string.Empty,
        };
    }

    /// <summary>Buttons that make the draft each of the other kinds (under a new draft and the answer to <c>/kind</c>).</summary>
    public static IReadOnlyList<Button> Buttons(string language, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return [.. Enum.GetValues<DraftKind>()
            .Where(k => k != draft.Kind)
            .Select(k => CommandButton.For(Catalogue.Format(language, "Kinds.Button.MakeIt", Name(language, k)), $"kind {draft.Label} {Code(k)}"))];
    }
}
