namespace CoordBot.Domain.Input;

/// <summary>
/// How one language writes a time of day, for <see cref="TimeWords"/>: its morning and afternoon marks
/// (CLDR's day periods: 上午/下午, ص/م, a. m./p. m.), and, where clock times are written with words, the
/// hour and minute marks and the word for half past (15点30分, 3点半; 15 h). The host fills it; every mark is
/// kept as <see cref="Mark"/> writes it.
/// </summary>
public sealed record TimeNames
{
    public IReadOnlySet<string> Morning { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<string> Afternoon { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<string> HourMarks { get; init; } = [];

    public IReadOnlyList<string> MinuteMarks { get; init; } = [];

    public IReadOnlyList<string> Half { get; init; } = [];

    /// <summary>A mark as the tables keep it: <see cref="DateNames.Normalize"/>d, without dots or spaces ("p. m." → "pm").</summary>
    public static string Mark(string text) =>
        DateNames.Normalize(text ?? string.Empty).Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace("\u202F", string.Empty, StringComparison.Ordinal);
}
