using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Agenda;

namespace CoordBot.Localization;

/// <summary>
/// The one renderer of the domain's refusals: a <see cref="Reason"/> is a code with its facts, and its words are the
/// catalogue entry <c>Reason.</c> + code in the reader's language (English: the clause the bot always wrote). No
/// translation is ever found by reading English.
/// </summary>
public static class Reasons
{
    /// <summary>The catalogue key of a code's words.</summary>
    public static string Key(ReasonCode code) => "Reason." + code;

    /// <summary>The reason as a clause in <paramref name="language"/> (plain text: escape it for HTML).</summary>
    public static string Text(string language, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Catalogue.Format(language, Key(reason.Code), [.. reason.Args.Select(a => Argument(language, a))]);
    }

    /// <summary>The reason as a reply: a sentence (capital first, stop last) in <paramref name="language"/>.</summary>
    public static string Sentence(string language, Reason reason) => Sentence(language, Text(language, reason));

    /// <summary>A clause as a reply: a capital first, a full stop last (the ideographic one in Chinese).</summary>
    public static string Sentence(string language, string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (clause.Length == 0)
        {
            return clause;
        }

        // English keeps the invariant upper case and the plain stop it always had.
        var stop = language == "zh" ? "。" : ".";
        var ends = clause.EndsWith('.') || clause.EndsWith('。');
        var culture = language == Languages.English ? CultureInfo.InvariantCulture : Catalogue.FormatCulture(language);
        return char.ToUpper(clause[0], culture) + clause[1..] + (ends ? string.Empty : stop);
    }

    // Ids, codes and names are shown as given; amounts with the language's grouping; an enum value by its own words.
    private static object Argument(string language, object argument) => argument switch
    {
        Amount amount => language == Languages.English
            ? amount.Value.ToString("N0", CultureInfo.InvariantCulture)
            : amount.Value.ToString("#,0", Catalogue.FormatCulture(language)),
        AgendaItemStatus status => Catalogue.Text(language, "Status." + status),
        Enum value => Catalogue.Text(language, $"Reason.{value.GetType().Name}.{value}"),
        _ => argument,
    };
}
