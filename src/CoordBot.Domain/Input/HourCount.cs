namespace CoordBot.Domain.Input;

/// <summary>
/// A whole number of hours as people type it in any of the six languages: <c>36</c>, <c>36h</c>, <c>٣٦ ساعة</c>,
/// <c>36 часов</c>, <c>36小时</c>, <c>36 heures</c>. The unit's names are CLDR's (46, <c>units</c>,
/// <c>duration-hour</c>, long, short and narrow forms). Pure.
/// </summary>
public static class HourCount
{
    private static readonly string[] Units =
    [.. new[]
    {
        "hours", "hour", "hrs", "hr", "h",
        "heures", "heure",
        "horas", "hora",
        "часов", "часа", "час", "ч",
        "个小时", "小时", "小時", "時",
        "ساعات", "ساعتان", "ساعة", "س",
    }.Select(DateNames.Normalize).Distinct().OrderByDescending(u => u.Length)];

    /// <summary>The number of hours, or null when the text is not a whole number with at most a unit after it.</summary>
    public static int? Read(string? text)
    {
        var word = DateNames.Normalize(text ?? string.Empty);
        foreach (var unit in Units)
        {
            if (word.EndsWith(unit, StringComparison.Ordinal) && word.Length > unit.Length)
            {
                word = word[..^unit.Length].TrimEnd();
                break;
            }
        }

        return word.Length is > 0 and <= 6 && word.All(char.IsAsciiDigit) ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
