using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoordBot.Tests.Sessions;

public sealed class SessionTimeTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTime Now = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    // US clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
    [Theory]
    [InlineData(2026, 3, 7, 10, 0, "2026-03-07T15:00:00Z")] // EST, UTC-5
    [InlineData(2026, 3, 9, 10, 0, "2026-03-09T14:00:00Z")] // the day after: EDT, UTC-4, still 10:00 in New York
    [InlineData(2026, 10, 31, 10, 0, "2026-10-31T14:00:00Z")]
    [InlineData(2026, 11, 2, 10, 0, "2026-11-02T15:00:00Z")]
    public void A_wall_clock_time_in_New_York_maps_to_the_utc_instant_of_that_day(int y, int m, int d, int h, int min, string expectedUtc)
    {
        var resolved = SessionTime.Resolve(new LocalDateTime(y, m, d, h, min), NewYork);

        Assert.True(resolved.IsSuccess);
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), resolved.Value.Utc);
        Assert.Equal(DateTimeKind.Utc, resolved.Value.Utc.Kind);
        Assert.Null(resolved.Value.Note);
    }

    [Fact]
    public void A_session_set_for_10_in_New_York_after_the_change_reads_10_in_New_York_and_17_in_Tallinn()
    {
        var utc = SessionTime.Resolve(new LocalDateTime(2026, 3, 9, 10, 0), NewYork).Value.Utc;

        Assert.StartsWith("Mon 9 Mar 2026 10:00 (America/New_York, UTC-04)", TimeDisplay.InZone(utc, "America/New_York"), StringComparison.Ordinal);
        // Europe has not changed yet (29 March): Tallinn is UTC+2, so 14:00 UTC is 16:00 there.
        Assert.StartsWith("Mon 9 Mar 2026 16:00 (Europe/Tallinn, UTC+02)", TimeDisplay.InZone(utc, "Europe/Tallinn"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_the_clocks_jump_over_is_refused_with_a_suggestion()
    {
        var resolved = SessionTime.Resolve(new LocalDateTime(2026, 3, 8, 2, 30), NewYork);

        Assert.False(resolved.IsSuccess);
        Assert.Contains("does not exist in America/New_York", resolved.Error, StringComparison.Ordinal);
        Assert.Contains("03:30", resolved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_that_happens_twice_takes_the_earlier_and_says_so()
    {
        var resolved = SessionTime.Resolve(new LocalDateTime(2026, 11, 1, 1, 30), NewYork);

        Assert.True(resolved.IsSuccess);
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), resolved.Value.Utc); // EDT, UTC-4
        Assert.Contains("earlier", resolved.Value.Note, StringComparison.Ordinal);
        Assert.Contains("UTC-04", resolved.Value.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Tallinn_changes_on_its_own_day()
    {
        var before = SessionTime.Resolve(new LocalDateTime(2026, 3, 28, 10, 0), DateTimeZoneProviders.Tzdb["Europe/Tallinn"]).Value.Utc;
        var after = SessionTime.Resolve(new LocalDateTime(2026, 3, 30, 10, 0), DateTimeZoneProviders.Tzdb["Europe/Tallinn"]).Value.Utc;

        Assert.Equal(8, before.Hour);
        Assert.Equal(7, after.Hour);
    }

    [Fact]
    public void Schedule_arguments_with_zone_and_duration_are_read()
    {
        var parsed = ScheduleRequest.Parse("2026-03-09 10:00 America/New_York arria 90m Cyber security and peace".Split(' '), "Europe/Tallinn", Now);

        Assert.True(parsed.IsAccepted, parsed.Refusal?.English);
        Assert.Equal(new DateTime(2026, 3, 9, 14, 0, 0, DateTimeKind.Utc), parsed.Value!.StartUtc);
        Assert.Equal("America/New_York", parsed.Value!.ZoneId);
        Assert.Equal(SessionFormat.Arria, parsed.Value!.Format);
        Assert.Equal(90, parsed.Value!.DurationMinutes);
        Assert.Equal("Cyber security and peace", parsed.Value!.Title);
    }

    [Fact]
    public void Schedule_without_a_zone_uses_the_authors_and_defaults_to_120_minutes()
    {
        var parsed = ScheduleRequest.Parse("2026-03-09 10:00 closed Libya".Split(' '), "Europe/Tallinn", Now);

        Assert.True(parsed.IsAccepted);
        Assert.Equal(new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc), parsed.Value!.StartUtc);
        Assert.Equal("Europe/Tallinn", parsed.Value!.ZoneId);
        Assert.Equal(120, parsed.Value!.DurationMinutes);
    }

    [Theory]
    [InlineData("2025-12-01 10:00 UTC closed Title", "in the past")]
    [InlineData("2026-02-30 10:00 UTC closed Title", "is not a date")]
    [InlineData("2026-02-10 25:00 UTC closed Title", "is not a time")]
    [InlineData("2026-02-10 10:00 Mars/Olympus closed Title", "don't know the time zone")]
    [InlineData("2026-02-10 10:00 UTC briefing Title", "unknown format")]
    [InlineData("2026-02-10 10:00 briefing Title words", "neither a format")]
    [InlineData("2026-02-10 10:00 UTC closed 0m Title", "duration")]
    [InlineData("2026-02-10 10:00 UTC closed", "needs")]
    [InlineData("2026-03-08 02:30 America/New_York closed Title", "does not exist")]
    public void Bad_schedule_arguments_say_what_is_wrong(string arguments, string expected)
    {
        var parsed = ScheduleRequest.Parse(arguments.Split(' '), "UTC", Now);

        Assert.False(parsed.IsAccepted);
        Assert.Contains(expected, parsed.Refusal!.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S12", 12L)]
    [InlineData("s12", 12L)]
    [InlineData("12", 12L)]
    public void Session_ids_are_read_with_or_without_the_prefix(string text, long expected)
    {
        Assert.True(SessionIds.TryParse(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("S")]
    [InlineData("A12")]
    [InlineData("0")]
    [InlineData("S-3")]
    [InlineData("twelve")]
    public void Other_texts_are_not_session_ids(string text) => Assert.False(SessionIds.TryParse(text, out _));

    [Fact]
    public void Reminder_offsets_default_and_are_replaced_not_appended_by_configuration()
    {
        Assert.Equal(SessionsOptions.DefaultReminders, Bind([]).Offsets);
        Assert.Equal([TimeSpan.FromMinutes(30)], Bind(new() { ["Sessions:Reminders:0"] = "00:30:00" }).Offsets);
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromHours(3)], Bind(new() { ["Sessions:Reminders:0"] = "2.00:00:00", ["Sessions:Reminders:1"] = "03:00:00" }).Offsets);
    }

    [Theory]
    [InlineData("-00:10:00")]
    [InlineData("00:00:00")]
    [InlineData("31.00:00:00")]
    public void A_bad_reminder_offset_stops_the_start_with_the_key_named(string offset)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Sessions:Reminders:0"] = offset }));

        Assert.Contains("Sessions:Reminders:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, "1 hour")]
    [InlineData(1440, "1 day")]
    [InlineData(10, "10 minutes")]
    [InlineData(59, "59 minutes")]
    [InlineData(125, "2 hours 5 minutes")]
    public void Time_until_the_start_reads_naturally(int minutes, string expected) =>
        Assert.Equal(expected, SessionNotifier.Until(TimeSpan.FromMinutes(minutes)));

    private static SessionsOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<SessionsOptions>().BindConfiguration(SessionsOptions.Section);
        services.AddSingleton<IValidateOptions<SessionsOptions>, SessionsOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SessionsOptions>>().Value;
    }
}
