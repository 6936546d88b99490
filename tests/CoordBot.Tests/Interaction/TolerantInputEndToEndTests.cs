using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Interaction;

/// <summary>Item 2 of issue 14 through the emulator: what a new user types on a phone is understood, and shown back.</summary>
public sealed class TolerantInputEndToEndTests
{
    [Fact]
    public async Task Time_zones_are_found_by_city_country_any_case_and_offset_and_a_typo_is_asked_about()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var city = await bot.AskAsync(EstAdviser, "/timezone Tallinn");
        Assert.Contains("Done: I will show you times in Europe/Tallinn", city.PlainText, StringComparison.Ordinal);
        Assert.Contains("UTC", city.PlainText, StringComparison.Ordinal);

        var spaced = await bot.AskAsync(EstAdviser, "/timezone New York");
        Assert.Contains("times in America/New_York", spaced.PlainText, StringComparison.Ordinal);

        var lower = await bot.AskAsync(EstAdviser, "/timezone america/new_york");
        Assert.Contains("times in America/New_York", lower.PlainText, StringComparison.Ordinal);

        var offset = await bot.AskAsync(EstAdviser, "/timezone GMT+2");
        Assert.Contains("times in UTC+02", offset.PlainText, StringComparison.Ordinal);
        Assert.Contains("does not follow daylight saving", offset.PlainText, StringComparison.Ordinal);

        var typo = await bot.AskAsync(EstAdviser, "/timezone Talinn");
        Assert.Contains("I don't know the time zone \"Talinn\"", typo.PlainText, StringComparison.Ordinal);
        Assert.Contains("Did you mean Europe/Tallinn (Estonia)?", typo.PlainText, StringComparison.Ordinal);
        Assert.Equal("UTC+02", await ReadAsync(bot, db => db.People.Where(p => p.UserId == EstAdviser).Select(p => p.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task A_chair_in_New_York_schedules_with_tomorrow_3pm_and_sees_what_was_understood_in_her_zone_and_UTC()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/timezone New York");

        var reply = await bot.AskAsync(Chair, "/schedule tomorrow 3pm open Briefing on the Middle East");

        Assert.Contains("Scheduled S1", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("Tue 24 Nov 2026 15:00 (America/New_York, UTC-05) = Tue 24 Nov 2026 20:00 UTC", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("I read \"tomorrow 3pm\" as", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 11, 24, 20, 0, 0), await ReadAsync(bot, db => db.Sessions.Select(s => s.StartUtc).SingleAsync()));

        var moved = await bot.AskAsync(Chair, "/reschedule s1 3 Dec 10am");
        Assert.Contains("Moved S1", moved.PlainText, StringComparison.Ordinal);
        Assert.Contains("Thu 3 Dec 2026 10:00 (America/New_York, UTC-05)", moved.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twelve_slash_three_is_asked_about_and_nothing_is_scheduled()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var reply = await bot.AskAsync(Chair, "/schedule 12/03 15:00 closed Situation in Libya");

        Assert.Contains("could be Fri 12 Mar 2027 or Thu 3 Dec 2026", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("12 Mar or 3 Dec", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await SessionCountAsync(bot));
    }

    [Fact]
    public async Task A_delegation_is_named_by_its_name_or_a_short_name_where_a_code_is_typed()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var byName = await bot.AskAsync(EstHead, "/delegation france");
        var byShortName = await bot.AskAsync(EstHead, "/delegation UK");
        var byLongName = await bot.AskAsync(EstHead, "/delegation United Kingdom");

        Assert.Contains("France (FRA)", byName.PlainText, StringComparison.Ordinal);
        Assert.Contains("United Kingdom (GBR)", byShortName.PlainText, StringComparison.Ordinal);
        Assert.Contains("United Kingdom (GBR)", byLongName.PlainText, StringComparison.Ordinal);
    }
}
