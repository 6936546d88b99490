using CoordBot.Features.Delegations;
using CoordBot.Features.Sessions;
using CoordBot.Localization;

namespace CoordBot.Tests.Localization;

/// <summary>
/// A zone's country in the reader's language (issue 27, wave 7): CLDR's name through .NET's ICU, never a table of our own;
/// English keeps the tz database's names character for character.
/// </summary>
public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("en", "Europe/Tallinn (Estonia)", "America/New_York (United States)", "Europe/London (Britain (UK))")]
    [InlineData("fr", "Europe/Tallinn (Estonie)", "America/New_York (États-Unis)", "Europe/London (Royaume-Uni)")]
    [InlineData("es", "Europe/Tallinn (Estonia)", "America/New_York (Estados Unidos)", "Europe/London (Reino Unido)")]
    [InlineData("ru", "Europe/Tallinn (Эстония)", "America/New_York (Соединенные Штаты)", "Europe/London (Великобритания)")]
    [InlineData("zh", "Europe/Tallinn (爱沙尼亚)", "America/New_York (美国)", "Europe/London (英国)")]
    [InlineData("ar", "Europe/Tallinn (إستونيا)", "America/New_York (الولايات المتحدة)", "Europe/London (المملكة المتحدة)")]
    public void A_zone_names_its_country_in_the_reader_s_language(string language, string tallinn, string newYork, string london)
    {
        Assert.Equal(tallinn, ZoneLookup.Label(language, "Europe/Tallinn"));
        Assert.Equal(newYork, ZoneLookup.Label(language, "America/New_York"));
        Assert.Equal(london, ZoneLookup.Label(language, "Europe/London"));
    }

    [Fact]
    public void English_keeps_the_tz_database_s_words_and_a_zone_without_a_country_stays_bare()
    {
        Assert.Equal(ZoneLookup.Label("Europe/Tallinn"), ZoneLookup.Label(Languages.English, "Europe/Tallinn"));
        Assert.Equal("UTC", ZoneLookup.Label("zh", "UTC"));
        Assert.Equal("Etc/GMT+5", ZoneLookup.Label("ar", "Etc/GMT+5"));
    }

    [Fact]
    public void Every_country_of_the_tz_database_has_a_name_in_the_five_other_languages()
    {
        var zones = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.ZoneLocations!.Select(l => l.CountryCode).Distinct().ToList();
        var missing = (from language in Languages.All.Where(l => l != Languages.English)
                       from code in zones
                       where Countries.Name(language, code) is null
                       select $"{language}:{code}").ToList();

        Assert.True(missing.Count == 0, "No CLDR name for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("en", "Europe/Tallinn (Estonia)")]
    [InlineData("fr", "Europe/Tallinn (Estonie)")]
    [InlineData("zh", "Europe/Tallinn (爱沙尼亚)")]
    public void The_did_you_mean_list_names_the_country_in_the_reader_s_language(string language, string expected) =>
        Assert.Contains(expected, TimezoneWords.Choices(language, ["Europe/Tallinn", "Europe/Riga"]), StringComparison.Ordinal);
}
