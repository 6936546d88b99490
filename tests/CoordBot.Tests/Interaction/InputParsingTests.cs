using CoordBot.Domain.Input;
using CoordBot.Features.Sessions;
using CsCheck;

namespace CoordBot.Tests.Interaction;

/// <summary>Item 2 of issue 14: dates, times, zones and delegations as people type them.</summary>
public sealed class InputParsingTests
{
    /// <summary>Tuesday 1 December 2026.</summary>
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("2026-12-03", "2026-12-03", 1)]
    [InlineData("today", "2026-12-01", 1)]
    [InlineData("TOMORROW", "2026-12-02", 1)]
    [InlineData("friday", "2026-12-04", 1)]
    [InlineData("Tue", "2026-12-08", 1)] // today is a Tuesday: the next one
    [InlineData("next monday", "2026-12-07", 2)]
    [InlineData("3 Dec", "2026-12-03", 2)]
    [InlineData("3rd december", "2026-12-03", 2)]
    [InlineData("Dec 3", "2026-12-03", 2)]
    [InlineData("3-dec", "2026-12-03", 1)]
    [InlineData("1 Nov", "2027-11-01", 2)] // already past this year: next year's
    [InlineData("13/03", "2027-03-13", 1)] // only one reading is a date
    [InlineData("03/13", "2027-03-13", 1)]
    [InlineData("5/5", "2027-05-05", 1)]
    [InlineData("25.12.2026", "2026-12-25", 1)]
    public void Dates_are_read_in_the_forms_people_type(string text, string expected, int consumed)
    {
        var reading = DateWords.Read(text.Split(' '), 0, Today);

        Assert.True(reading.IsDate, reading.Error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Date);
        Assert.Equal(consumed, reading.Consumed);
    }

    [Fact]
    public void Twelve_slash_three_is_not_guessed()
    {
        var reading = DateWords.Read(["12/03"], 0, Today);

        Assert.True(reading.IsAmbiguous);
        Assert.Equal(new DateOnly(2027, 3, 12), reading.Date);
        Assert.Equal(new DateOnly(2026, 12, 3), reading.Other);
    }

    [Theory]
    [InlineData("2026-02-30", "is not a date")]
    [InlineData("31 Feb", "no day 31")]
    [InlineData("briefing", "is not a date")]
    [InlineData("40/40", "is not a date")]
    public void Bad_dates_say_what_is_expected(string text, string expected) =>
        Assert.Contains(expected, DateWords.Read(text.Split(' '), 0, Today).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("15:00", 15, 0, 1)]
    [InlineData("15.00", 15, 0, 1)]
    [InlineData("15h", 15, 0, 1)]
    [InlineData("15h30", 15, 30, 1)]
    [InlineData("3pm", 15, 0, 1)]
    [InlineData("3PM", 15, 0, 1)]
    [InlineData("3:30pm", 15, 30, 1)]
    [InlineData("12am", 0, 0, 1)]
    [InlineData("12pm", 12, 0, 1)]
    [InlineData("9 am", 9, 0, 2)]
    [InlineData("noon", 12, 0, 1)]
    public void Times_are_read_in_the_forms_people_type(string text, int hour, int minute, int consumed)
    {
        var read = TimeWords.Read(text.Split(' '), 0);

        Assert.NotNull(read);
        Assert.Equal(new TimeOnly(hour, minute), read.Value.Time);
        Assert.Equal(consumed, read.Value.Consumed);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("15")]
    [InlineData("13pm")]
    [InlineData("15:60")]
    [InlineData("open")]
    public void Other_words_are_not_times(string text) => Assert.Null(TimeWords.Parse(text));

    [Fact]
    public void Every_time_of_day_written_in_any_accepted_form_reads_back_the_same()
    {
        Gen.Int[0, 23].Select(Gen.Int[0, 59]).Sample((h, m) =>
        {
            var expected = new TimeOnly(h, m);
            var twelve = h % 12 == 0 ? 12 : h % 12;
            var forms = new[] { $"{h:00}:{m:00}", $"{h}.{m:00}", $"{h}h{m:00}", $"{twelve}:{m:00}{(h < 12 ? "am" : "PM")}" };
            return forms.All(f => TimeWords.Parse(f) == expected);
        });
    }

    [Fact]
    public void Every_date_written_day_and_month_reads_back_as_the_next_such_date()
    {
        Gen.Int[1, 12].Select(Gen.Int[1, 28]).Sample((month, day) =>
        {
            var month3 = new DateOnly(2000, month, 1).ToString("MMM", System.Globalization.CultureInfo.InvariantCulture);
            var reading = DateWords.Read([day.ToString(System.Globalization.CultureInfo.InvariantCulture), month3.ToUpperInvariant()], 0, Today);
            return reading.IsDate && reading.Date!.Value.Month == month && reading.Date.Value.Day == day && reading.Date >= Today && reading.Date < Today.AddYears(1);
        });
    }

    [Theory]
    [InlineData("Tallinn", "Europe/Tallinn")]
    [InlineData("tallinn", "Europe/Tallinn")]
    [InlineData("New York", "America/New_York")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("Beijing", "Asia/Shanghai")]
    [InlineData("Estonia", "Europe/Tallinn")]
    [InlineData("france", "Europe/Paris")]
    [InlineData("Buenos Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("GMT+2", "UTC+02")]
    [InlineData("UTC+5:30", "UTC+05:30")]
    [InlineData("utc-03:00", "UTC-03")]
    [InlineData("UTC", "UTC")]
    public void Zones_are_found_from_cities_countries_ids_and_offsets(string text, string expected)
    {
        var zone = ZoneLookup.Resolve(text);

        Assert.NotNull(zone);
        Assert.Equal(expected, zone.Id);
        // Stored by id, the zone must be found again.
        Assert.Equal(zone, CoordBot.Telegram.Rendering.TimeDisplay.FindZone(zone.Id) ?? NodaTime.DateTimeZone.Utc);
    }

    [Fact]
    public void Every_zone_id_of_the_tz_database_in_any_case_is_found_as_itself()
    {
        foreach (var id in NodaTime.DateTimeZoneProviders.Tzdb.Ids)
        {
            var match = ZoneLookup.Find(id.ToLowerInvariant());
            var found = ZoneLookup.ZoneOf(match);
            Assert.True(found is not null, $"{id} was not found");
            // "UTC", "GMT" and the like read as the offset zero: the one UTC zone.
            Assert.True(found.Id == id || match.Kind == ZoneMatchKind.Offset, $"{id} was read as {found.Id}");
        }
    }

    [Fact]
    public void A_move_reads_a_zone_of_several_words_at_the_end()
    {
        var words = "tomorrow 3pm New York".Split(' ');

        var when = ScheduleRequest.When(words, 0, "UTC", new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc), zoneAlone: true, out var consumed);

        Assert.True(when.IsAccepted, when.Refusal?.English);
        Assert.Equal(words.Length, consumed);
        Assert.Equal("America/New_York", when.Value!.ZoneId);
        Assert.Equal(new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc), when.Value!.Utc);
        Assert.Equal("tomorrow 3pm", when.Value!.ReadAs);
    }

    [Fact]
    public void A_misspelled_city_gets_suggestions_not_a_guess()
    {
        var match = ZoneLookup.Find("Talinn");

        Assert.Equal(ZoneMatchKind.Unknown, match.Kind);
        Assert.Contains("Europe/Tallinn", match.Candidates);
        Assert.Contains("did you mean Europe/Tallinn (Estonia)", ZoneLookup.Doubt("Talinn", match), StringComparison.Ordinal);
    }

    [Fact]
    public void A_country_with_several_zones_is_asked_about()
    {
        var match = ZoneLookup.Find("Australia");

        Assert.Equal(ZoneMatchKind.Several, match.Kind);
        Assert.Contains("Australia/Sydney", match.Candidates);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("briefing")]
    [InlineData("GMT+25")]
    public void Nonsense_is_no_zone(string text) => Assert.Null(ZoneLookup.Resolve(text));

    [Theory]
    [InlineData("France", "FRA")]
    [InlineData("UK", "GBR")]
    [InlineData("united kingdom", "GBR")]
    [InlineData("Russia", "RUS")]
    [InlineData("Saint Vincent and the Grenadines", "VCT")]
    public void Delegations_are_found_by_name(string text, string code) => Assert.Equal(code, DelegationNames.CodeOf(text));

    [Theory]
    [InlineData("tomorrow 3pm open Briefing on the Middle East", "2026-12-02T15:00:00", "America/New_York", "Briefing on the Middle East")]
    [InlineData("3 Dec 15h Tallinn closed Libya", "2026-12-03T15:00:00", "Europe/Tallinn", "Libya")]
    [InlineData("friday 15.00 New York consultations 90m Yemen", "2026-12-04T15:00:00", "America/New_York", "Yemen")]
    [InlineData("2026-12-03 15:00 GMT+2 open Sudan", "2026-12-03T15:00:00", "UTC+02", "Sudan")]
    public void Schedule_reads_the_tolerant_forms(string arguments, string local, string zoneId, string title)
    {
        var now = new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc); // 09:00 in New York
        var parsed = ScheduleRequest.Parse(arguments.Split(' '), "America/New_York", now);

        Assert.True(parsed.IsAccepted, parsed.Refusal?.English);
        Assert.Equal(zoneId, parsed.Value!.ZoneId);
        Assert.Equal(title, parsed.Value!.Title);
        var zone = ZoneLookup.Resolve(zoneId)!;
        var expected = NodaTime.LocalDateTime.FromDateTime(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)).InZoneLeniently(zone).ToDateTimeUtc();
        Assert.Equal(expected, parsed.Value!.StartUtc);
        Assert.Equal(arguments.StartsWith("2026-", StringComparison.Ordinal), parsed.Value!.ReadAs is null); // the plain form needs no confirming
    }

    [Fact]
    public void Schedule_asks_about_twelve_slash_three_instead_of_guessing()
    {
        var parsed = ScheduleRequest.Parse("12/03 15:00 closed Libya".Split(' '), "UTC", new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc));

        Assert.False(parsed.IsAccepted);
        Assert.Contains("could be Fri 12 Mar 2027 or Thu 3 Dec 2026", parsed.Refusal!.English, StringComparison.Ordinal);
        Assert.Contains("12 Mar or 3 Dec", parsed.Refusal!.English, StringComparison.Ordinal);
    }
}
