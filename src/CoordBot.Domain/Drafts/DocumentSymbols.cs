namespace CoordBot.Domain.Drafts;

/// <summary>
/// The symbol an adopted text receives, as the Council's documents carry it: <c>S/RES/&lt;n&gt; (&lt;year&gt;)</c>,
/// <c>S/PRST/&lt;year&gt;/&lt;n&gt;</c>, <c>SC/&lt;n&gt;</c> (the press release). Each kind has its own series; presidential
/// statements start again at 1 each year, while resolutions and press releases run on across years (resolution 2719
/// of 2023 is followed by 2720 in 2024), so their series is not split by year.
/// </summary>
public static class DocumentSymbols
{
    /// <summary>
    /// Whether an adopted text of this kind receives a symbol: a committee's decision does not (it is recorded by the
    /// committee and, where public, reported in its reports, not issued as a document of its own).
    /// </summary>
    public static bool HasSeries(DraftKind kind) => kind != DraftKind.Decision;

    /// <summary>The year that splits the kind's series (0 for a series that runs on across years).</summary>
    public static int SeriesYear(DraftKind kind, int year) => kind == DraftKind.PresidentialStatement ? year : 0;

    public static string Format(DraftKind kind, int year, int number) => kind switch
    {
        DraftKind.Resolution => $"S/RES/{number} ({year})",
        DraftKind.PresidentialStatement => $"S/PRST/{year}/{number}",
        DraftKind.PressStatement => $"SC/{number}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The next number in a series: one past the last given, or the operator's configured next number when that is
    /// higher (a council that already has 2,800 resolutions; numbers adopted outside the bot). Never a number given before.
    /// </summary>
    public static int Next(int? lastGiven, int? configuredNext)
    {
        if (configuredNext is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(configuredNext), configuredNext, "A symbol number starts at 1.");
        }

        return Math.Max((lastGiven ?? 0) + 1, configuredNext ?? 1);
    }
}
