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

        /// <summary>
    /// A silence command's deadline (<see cref="Deadlines.DeadlineInput"/>): one word of whole hours by <see cref="TryParseHours"/>
    /// (a contract: 0, 721 or 24.5 still fail the parse, the usage line), or a day and a time, read when the command runs in the
    /// reader's language and zone. Any other words fail the parse, as before.
    /// </summary>
    public static Deadlines.DeadlineWords SilenceDeadline(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.Rest().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // 24h, ٢٤, 5wd (working days that skip weekends, a committee's no-objection deadline): one word of a length.
        if (words is [var one] && !one.All(char.IsAsciiDigit) && Domain.Committees.SilenceLength.Read(one) is { } length)
        {
            return length.WorkingDays ? Deadlines.DeadlineWords.OfWorkingDays(length.Count) : Deadlines.DeadlineWords.OfHours(length.Count);
        }

        if (words is [var word] && word.All(char.IsAsciiDigit))
        {
            if (TryParseHours(word, out var hours))
            {
                return Deadlines.DeadlineWords.OfHours(hours);
            }

            args.Fail();
            return Deadlines.DeadlineWords.OfHours(0);
        }

        if (words.Length == 0 || !Deadlines.DeadlineInput.StartsClockTime(words, 0))
        {
            args.Fail();
        }

        return Deadlines.DeadlineWords.At(words);
    }
}
