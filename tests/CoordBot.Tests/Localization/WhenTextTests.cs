using System.Globalization;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Tests.Localization;

/// <summary>The explanations of the typed /schedule: English as it always was, every other language from the catalogue (issue 27 item 2).</summary>
public sealed class WhenTextTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Typed words and the problem they make, one per code the typed form can meet.</summary>
    public static TheoryData<string, WhenProblemCode> Mistakes => new()
    {
        { "2026-12-10 15:00 closed", WhenProblemCode.TooFewWords },
        { "xyz 15:00 closed Title", WhenProblemCode.Date },
        { "2026-12-10 xyz closed Title", WhenProblemCode.NotATime },
        { "12/03 15:00 closed Title", WhenProblemCode.AmbiguousDate },
        { "2026-12-10 15:00 Mars/Olympus closed Title", WhenProblemCode.UnknownZone },
        { "2026-12-10 15:00 Australia closed Title", WhenProblemCode.UnknownZone },
        { "2026-12-10 15:00 briefing Title words", WhenProblemCode.NeitherFormatNorZone },
        { "2026-12-10 15:00 UTC briefing Title", WhenProblemCode.UnknownFormat },
        { "2026-12-10 15:00 UTC closed 0m Title", WhenProblemCode.Duration },
        { "2025-12-10 15:00 UTC closed Title", WhenProblemCode.Past },
        { "2027-03-14 02:30 America/New_York closed Title", WhenProblemCode.ClockGap },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void English_is_the_clause_it_always_was_and_every_other_language_is_worded_from_the_catalogue(string typed, WhenProblemCode code)
    {
        var problem = ScheduleRequest.Parse(typed.Split(' '), "UTC", Now).Refusal!;

        Assert.Equal(code, problem.Code);
        Assert.Equal(Html.Escape(problem.English), WhenText.Why(Languages.English, problem));
        foreach (var language in Languages.All.Where(l => l != Languages.English))
        {
            var words = WhenText.Why(language, problem);
            Assert.DoesNotContain(problem.English, words, StringComparison.Ordinal);
            Assert.DoesNotContain("{", words, StringComparison.Ordinal);
            Assert.DoesNotMatch("write it|is not|choose|could be|time zone", words);
        }
    }

    /// <summary>The English entries are the translators' source: filled with the facts they give the contract's words.</summary>
    [Theory]
    [InlineData("2026-12-10 15:00 closed", "When.TooFewWords")]
    [InlineData("2026-12-10 xyz closed Title", "When.NotATime", "xyz")]
    [InlineData("2026-12-10 15:00 UTC closed 0m Title", "When.Duration", "1440")]
    [InlineData("2026-12-10 15:00 UTC closed", "When.NoTitle")]
    public void The_English_entries_say_what_the_English_contract_says(string typed, string key, params string[] args)
    {
        var problem = ScheduleRequest.Parse(typed.Split(' '), "UTC", Now).Refusal!;

        Assert.Equal(problem.English, string.Format(CultureInfo.InvariantCulture, Catalogue.Text(Languages.English, key), args));
    }

    [Fact]
    public void A_time_that_happens_twice_is_noted_in_the_readers_language()
    {
        var request = ScheduleRequest.Parse("2026-11-01 01:30 America/New_York closed Title".Split(' '), "UTC", Now.AddYears(-1)).Value!;

        Assert.NotNull(request.Note);
        Assert.Equal(Html.Escape(request.Note!), WhenText.Note(Languages.English, request.Note!, request.Twice, request.ZoneId));
        Assert.Contains(request.Twice!.Earlier, WhenText.Note("zh", request.Note!, request.Twice, request.ZoneId), StringComparison.Ordinal);
        Assert.Contains(request.Twice.Earlier, request.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("happens twice", WhenText.Note("fr", request.Note!, request.Twice, request.ZoneId), StringComparison.Ordinal);
    }
}
