using System.Text.RegularExpressions;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Localization;

/// <summary>
/// The typed one-line /schedule and /reschedule read the reader's own date and time words, as the guide's steps do, and
/// English in every language; what they cannot read is explained from the catalogue in the reader's language (issue 27,
/// items 1 and 2). Through the emulator; the clock is Monday 23 November 2026, 12:00 UTC, the chair's zone UTC.
/// </summary>
public sealed class TypedScheduleLanguagesEndToEndTests
{
    private const string Title = "Briefing on the Middle East";

    /// <summary>Per language: the words after /schedule up to the title, and the start they mean (UTC).</summary>
    public static TheoryData<string, string, string> Schedules => new()
    {
        { "en", "tomorrow 3pm closed", "2026-11-24 15:00" },
        { "fr", "demain 15 h privée", "2026-11-24 15:00" },
        { "fr", "vendredi 9:30 closed", "2026-11-27 09:30" },
        { "es", "pasado mañana 15:00 privada", "2026-11-25 15:00" },
        { "ru", "3 декабря 9.30 закрытое", "2026-12-03 09:30" },
        { "zh", "明天 15:00 非公开", "2026-11-24 15:00" },
        { "zh", "星期五 下午3点 非公开", "2026-11-27 15:00" },
        { "zh", "tomorrow 3pm closed", "2026-11-24 15:00" },
        { "ar", "٢٠٢٦-١٢-١٠ ١٠:٠٠ مغلقة", "2026-12-10 10:00" },
        { "ar", "الجمعة ٣ م مغلقة", "2026-11-27 15:00" },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task The_chair_schedules_on_one_line_in_their_own_words(string language, string when, string expected)
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await ChooseAsync(bot, language);

        await bot.AskAsync(Chair, $"/schedule {when} {Title}");

        var session = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), session.StartUtc);
        Assert.Equal(SessionFormat.Closed, session.Format);
        Assert.Equal(Title, session.Title);
    }

    /// <summary>Per language: a move typed on one line in that language's words.</summary>
    public static TheoryData<string, string, string> Moves => new()
    {
        { "en", "friday 10:00", "2026-11-27 10:00" },
        { "fr", "après-demain 10 h", "2026-11-25 10:00" },
        { "es", "viernes 10:00", "2026-11-27 10:00" },
        { "ru", "послезавтра 10:00", "2026-11-25 10:00" },
        { "zh", "后天 上午10点", "2026-11-25 10:00" },
        { "ar", "بعد الغد ١٠:٠٠", "2026-11-25 10:00" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task The_chair_moves_a_session_on_one_line_in_their_own_words(string language, string when, string expected)
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await InsertSessionAsync(bot, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        await ChooseAsync(bot, language);

        await bot.AskAsync(Chair, $"/reschedule S1 {when}");

        var session = await ReadAsync(bot, db => db.Sessions.SingleAsync());
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), session.StartUtc);
    }

    [Fact]
    public async Task An_unreadable_date_is_explained_in_English_exactly_as_before()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var reply = await bot.AskAsync(Chair, $"/schedule xyz 15:00 closed {Title}");

        Assert.Equal(
            "I could not schedule that: \"xyz\" is not a date: write it as yyyy-mm-dd, for example 2026-12-01, or as 3 Dec, today, tomorrow or a weekday.\n" +
            "Usage: /schedule <yyyy-mm-dd> <HH:mm> [IANA zone] <open|closed|consultations|arria> [<minutes>m] <title>\n" +
            "For example: /schedule 2026-12-01 10:00 America/New_York closed 90m Situation in the Middle East",
            reply.PlainText);
    }

    /// <summary>What a reader of another language types wrong, and the catalogue entry whose words explain it.</summary>
    public static TheoryData<string, string, string> Mistakes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in new[] { "fr", "es", "ru", "zh", "ar" })
        {
            data.Add(language, $"/schedule xyz 15:00 closed {Title}", "Input.Date.NotADate");
            data.Add(language, $"/schedule 2026-12-10 xyz closed {Title}", "When.NotATime");
            data.Add(language, $"/schedule 2026-12-10 15:00 xyz {Title}", "When.NeitherFormatNorZone");
            data.Add(language, $"/schedule 2026-12-10 15:00 Mars/Olympus closed {Title}", "When.UnknownZone");
            data.Add(language, "/schedule 2026-12-10 15:00 closed", "When.TooFewWords");
            data.Add(language, $"/schedule 2025-12-10 15:00 closed {Title}", "When.Past");
            data.Add(language, $"/schedule 2026-12-10 15:00 closed 0m {Title}", "When.Duration");
            data.Add(language, "/reschedule S1 2026-12-10 15:00 Mars/Olympus", "When.UnknownZone");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task What_the_typed_form_cannot_read_is_explained_from_the_catalogue_in_the_readers_language(string language, string typed, string key)
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await InsertSessionAsync(bot, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        await ChooseAsync(bot, language);

        var reply = await bot.AskAsync(Chair, typed);

        var opening = Plain(Catalogue.Text(language, key)).Split('{')[0].Trim(' ', '“', '«', '»', '"', '\u00A0');
        var outer = Plain(Catalogue.Text(language, typed.StartsWith("/reschedule", StringComparison.Ordinal) ? "Sessions.CouldNotMove" : "Sessions.CouldNotSchedule")).Split('{')[0].Trim();
        Assert.Contains(outer, reply.PlainText, StringComparison.Ordinal);
        if (opening.Length > 0)
        {
            Assert.Contains(opening.Length > 1 && char.IsUpper(opening[0]) && language is "fr" or "es" or "ru" ? opening[1..] : opening, reply.PlainText, StringComparison.Ordinal);
        }

        if (language is "ru" or "zh" or "ar")
        {
            // NoEnglish reads Latin letters, so it tells English apart only in a language written in another script.
            var leaks = NoEnglish.In(bot.Emulator, Chair, language, ["xyz", Title, "Mars/Olympus", "UTC"]);
            Assert.True(leaks.Count == 0, string.Join("\n---\n", leaks));
        }
    }

    private static async Task ChooseAsync(BotHarness bot, string language)
    {
        if (language != Languages.English)
        {
            await bot.AskAsync(Chair, "/language " + language);
        }
    }

    private static string Plain(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", string.Empty));
}
