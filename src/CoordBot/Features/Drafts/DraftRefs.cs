using System.Globalization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>Parses the references people type: <c>D3</c>, <c>v2</c>, <c>§4</c>, <c>M7</c>, <c>A5</c>.</summary>
internal static class DraftRefs
{
    public static bool TryParse(string? word, char prefix, out long id)
    {
        id = 0;
        return word is { Length: > 1 } && char.ToUpperInvariant(word[0]) == char.ToUpperInvariant(prefix)
            && long.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    public static bool TryParseVersion(string? word, out int number)
    {
        number = 0;
        return TryParse(word, 'v', out var n) && n <= int.MaxValue && (number = (int)n) > 0;
    }

    public static bool TryParseParagraph(string? word, out int number)
    {
        number = 0;
        return word is { Length: > 1 } && word[0] == '§'
            && int.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>Whole positive hours, as the silence commands take them (at most 30 days).</summary>
    public static bool TryParseHours(string? word, out int hours) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out hours) && hours is >= 1 and <= 720;

    /// <summary>/silence's length: whole hours (1-720) or working days that skip weekends (<c>5wd</c>, 1-30).</summary>
    public static Domain.Committees.SilenceLength SilenceLength(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value(word => Domain.Committees.SilenceLength.Read(word));
    }

    /// <summary>A silence command's hours, by <see cref="TryParseHours"/>: a word that is not one fails the parse (the usage line).</summary>
    public static int SilenceHours(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value<int>(word => TryParseHours(word, out var hours) ? hours : null);
    }
}
