using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class DocumentSymbolsTests
{
    [Theory]
    [InlineData(DraftKind.Resolution, 2025, 2801, "S/RES/2801 (2025)")]
    [InlineData(DraftKind.PresidentialStatement, 2025, 7, "S/PRST/2025/7")]
    [InlineData(DraftKind.PressStatement, 2025, 16250, "SC/16250")]
    public void Symbols_are_written_as_the_Council_writes_them(DraftKind kind, int year, int number, string symbol)
    {
        Assert.Equal(symbol, DocumentSymbols.Format(kind, year, number));
    }

    [Theory]
    [InlineData(DraftKind.Resolution, 2026, 0)]
    [InlineData(DraftKind.PressStatement, 2026, 0)]
    [InlineData(DraftKind.PresidentialStatement, 2026, 2026)]
    public void Only_presidential_statements_start_a_new_series_each_year(DraftKind kind, int year, int seriesYear)
    {
        Assert.Equal(seriesYear, DocumentSymbols.SeriesYear(kind, year));
    }

    [Theory]
    [InlineData(null, null, 1)]
    [InlineData(4, null, 5)]
    [InlineData(null, 2801, 2801)]
    [InlineData(2801, 2801, 2802)]
    [InlineData(2805, 2801, 2806)]
    [InlineData(3, 2801, 2801)]
    public void The_next_number_is_past_the_last_given_and_never_below_the_configured_one(int? last, int? configured, int next)
    {
        Assert.Equal(next, DocumentSymbols.Next(last, configured));
    }
}
