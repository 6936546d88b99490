using CoordBot.Domain.Input;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Localization;

/// <summary>The parsers' explanations for a reader: English exactly as the parser words it, the other languages from the catalogue (<c>Input.*</c>).</summary>
public static class InputText
{
    /// <summary>
    /// Why a typed date was refused, as a clause inside a sentence ("I could not schedule that: {0}."): English exactly as the
    /// parser words it; the other languages the catalogue's sentence without its final stop, and in French, Spanish and
    /// Russian without its capital (HTML).
    /// </summary>
    public static string DateClause(string language, DateReading failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (language == Languages.English || !Languages.IsKnown(language) || failed.Failure == DateFailure.None)
        {
            return Html.Escape(failed.Error ?? "that is not a date");
        }

        var sentence = DateRefusal(language, failed).TrimEnd('.', '。', ' ');
        return language is "fr" or "es" or "ru" && sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1])
            ? char.ToLower(sentence[0], Languages.Culture(language)) + sentence[1..]
            : sentence;
    }

    /// <summary>Why a typed date was refused, as a sentence (HTML: the typed words escaped).</summary>
    public static string DateRefusal(string language, DateReading failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (language == Languages.English || !Languages.IsKnown(language) || failed.Failure == DateFailure.None)
        {
            var error = failed.Error ?? "That is not a date";
            return Html.Escape(char.ToUpperInvariant(error[0]) + error[1..]) + ".";
        }

        var typed = Html.Escape(failed.Typed);
        return failed.Failure switch
        {
            DateFailure.Missing => Catalogue.Format(language, "Input.Date.Missing"),
            DateFailure.NoSuchDay => Catalogue.Format(language, "Input.Date.NoSuchDay", typed, failed.Day),
            DateFailure.TooFar => Catalogue.Format(language, "Input.Date.TooFar", typed, DateWords.Latest.Year),
            DateFailure.LongPast => Catalogue.Format(language, "Input.Date.LongPast", typed),
            DateFailure.Unreadable => Catalogue.Format(language, "Input.Date.Unreadable", typed),
            _ => Catalogue.Format(language, "Input.Date.NotADate", typed),
        };
    }
}
