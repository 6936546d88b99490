using System.Text.RegularExpressions;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Localization;

/// <summary>The catalogue is complete in the six languages: a missing text fails here, not in a user's chat.</summary>
public sealed partial class CatalogueTests
{
    public static TheoryData<string> OtherLanguages => new(Languages.All.Where(l => l != Languages.English));

    public static TheoryData<string> AllLanguages => new(Languages.All);

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_exists_in_every_language_with_the_same_placeholders(string language)
    {
        var english = Catalogue.Entries(Languages.English);
        var other = Catalogue.Entries(language);
        var singular = english.Keys.Where(k => PluralStem(k) is null).ToList();

        Assert.Equal([], singular.Where(k => !other.ContainsKey(k)).ToArray());
        Assert.Equal([], other.Keys.Where(k => PluralStem(k) is null && !english.ContainsKey(k)).ToArray());
        foreach (var key in singular)
        {
            Assert.True(Placeholders(english[key]).SetEquals(Placeholders(other[key])), $"{key} in {language}: placeholders {string.Join(",", Placeholders(other[key]))}, English has {string.Join(",", Placeholders(english[key]))}");
        }
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_plural_text_has_exactly_the_CLDR_categories_of_its_language(string language)
    {
        var stems = Catalogue.Entries(Languages.English).Keys.Select(PluralStem).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(stems);
        var entries = Catalogue.Entries(language);
        foreach (var stem in stems)
        {
            var categories = entries.Keys.Where(k => PluralStem(k) == stem).Select(k => k[(stem.Length + 1)..]).Order(StringComparer.Ordinal);
            Assert.Equal(PluralRules.Categories(language).Order(StringComparer.Ordinal), categories);
            // Other placeholders than the count ({0}, which a form such as Arabic "two" may spell out) are the same in every form.
            var english = Placeholders(Catalogue.Text(Languages.English, stem + "_other"));
            english.Remove("0");
            foreach (var category in PluralRules.Categories(language))
            {
                var these = Placeholders(entries[$"{stem}_{category}"]);
                these.Remove("0");
                Assert.True(english.SetEquals(these), $"{stem}_{category} in {language}");
            }
        }
    }

    [Fact]
    public void The_English_texts_are_the_words_the_bot_always_wrote()
    {
        Assert.Equal(EnglishTexts.UnlinkedGroup, Catalogue.Text(Languages.English, "Access.UnlinkedGroup"));
        Assert.Equal(EnglishTexts.OtherDelegationsGroup, Catalogue.Text(Languages.English, "Gate.OtherDelegationsGroup"));
        Assert.Equal(EnglishTexts.NotAMember, Catalogue.Text(Languages.English, "Reason.NotAMember"));
    }

    [Fact]
    public void A_missing_text_throws_rather_than_falling_back_to_English() =>
        Assert.Throws<KeyNotFoundException>(() => Catalogue.Text("fr", "No.Such.Text"));

    [Theory]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("en", 2, "other")]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 1, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("fr", 1_000_000, "many")]
    [InlineData("es", 0, "other")]
    [InlineData("es", 1, "one")]
    [InlineData("es", 5, "other")]
    [InlineData("es", 2_000_000, "many")]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 21, "one")]
    [InlineData("ru", 11, "many")]
    [InlineData("ru", 2, "few")]
    [InlineData("ru", 24, "few")]
    [InlineData("ru", 12, "many")]
    [InlineData("ru", 5, "many")]
    [InlineData("ru", 0, "many")]
    [InlineData("zh", 1, "other")]
    [InlineData("zh", 15, "other")]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 1, "one")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 3, "few")]
    [InlineData("ar", 10, "few")]
    [InlineData("ar", 103, "few")]
    [InlineData("ar", 11, "many")]
    [InlineData("ar", 99, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("ar", 102, "other")]
    public void Plural_categories_follow_CLDR(string language, long n, string category) =>
        Assert.Equal(category, PluralRules.Category(language, n));

    [Fact]
    public void Plural_texts_pick_the_form_of_the_count()
    {
        Assert.Equal("3 waiting.", Catalogue.Plural("en", "Agenda.Waiting", 3));
        Assert.Equal("1 делегация ждёт.", Catalogue.Plural("ru", "Agenda.Waiting", 1));
        Assert.Equal("3 делегации ждут.", Catalogue.Plural("ru", "Agenda.Waiting", 3));
        Assert.Equal("5 делегаций ждут.", Catalogue.Plural("ru", "Agenda.Waiting", 5));
        Assert.Equal("1 000 000 de membres".Replace(' ', '\u202F'), Catalogue.Plural("fr", "Delegation.MemberCount", 1_000_000).Replace('\u00A0', '\u202F').Replace(' ', '\u202F'));
    }

    [Fact]
    public void An_Arabic_line_isolates_its_Latin_ids_and_numbers_and_reads_right_to_left()
    {
        var line = Catalogue.Format("ar", "Remove.NotMember", 123456789L, "EST");

        Assert.StartsWith("\u200F", line, StringComparison.Ordinal);
        Assert.Contains("\u2068123456789\u2069", line, StringComparison.Ordinal);
        Assert.Contains("/delegation \u2068EST\u2069", line, StringComparison.Ordinal);
        // Every isolate is closed, so nothing after it is pulled into its direction.
        Assert.Equal(line.Count(c => c == Bidi.FirstStrongIsolate), line.Count(c => c == Bidi.PopDirectionalIsolate));
        // Other languages carry no marks.
        Assert.DoesNotContain('\u2068', Catalogue.Format("fr", "Remove.NotMember", 123456789L, "EST"));
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("es", "es")]
    [InlineData("ru-RU", "ru")]
    [InlineData("zh-hans", "zh")]
    [InlineData("ar", "ar")]
    [InlineData("pt-br", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    public void Telegrams_language_code_picks_the_closest_official_language(string? code, string language) =>
        Assert.Equal(language, Languages.Closest(code));

    [Theory]
    [InlineData("FR", "fr")]
    [InlineData("Français", "fr")]
    [InlineData("русский", "ru")]
    [InlineData("中文", "zh")]
    [InlineData("العربية", "ar")]
    [InlineData("klingon", null)]
    public void Language_words_are_read_as_codes_or_names(string word, string? language) =>
        Assert.Equal(language, Languages.Parse(word));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void The_domains_refusals_are_worded_in_each_language(string language)
    {
        var stranger = CoordBot.Domain.Membership.Actor.Stranger;
        var adviser = CoordBot.Domain.Membership.Actor.Member("EST", DelegationRole.Adviser);
        var reasons = new[]
        {
            Permissions.MayOperate(stranger).Reason!,
            Permissions.MaySeeCouncilBusiness(stranger).Reason!,
            Permissions.MayLinkGroup(adviser).Reason!,
            Permissions.MayInvite(adviser, "EST", DelegationRole.Observer).Reason!,
            Permissions.MayActAsChair(adviser, "FRA").Reason!,
        };

        foreach (var reason in reasons)
        {
            Assert.NotEqual(Reasons.Text(Languages.English, reason), Reasons.Text(language, reason));
        }
    }

    [Fact]
    public void Dates_are_written_in_the_readers_language()
    {
        var december = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal("December 2026", Dates.MonthYear("en", december));
        Assert.Contains("décembre", Dates.MonthYear("fr", december), StringComparison.Ordinal);
        Assert.Contains("diciembre", Dates.MonthYear("es", december), StringComparison.Ordinal);
        Assert.Contains("декабрь", Dates.MonthYear("ru", december), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("12月", Dates.MonthYear("zh", december), StringComparison.Ordinal);
        Assert.Contains("ديسمبر", Dates.MonthYear("ar", december), StringComparison.Ordinal);
    }

    [Fact]
    public void A_russian_deadline_reads_after_a_preposition()
    {
        // "до понедельник, 14 декабря" was ungrammatical (found in the sandbox): the weekday now follows the date.
        var deadline = new DateTime(2026, 12, 14, 14, 14, 0, DateTimeKind.Utc);
        Assert.Equal("14 декабря 2026 г. (понедельник), 14:14 UTC", Dates.Utc("ru", deadline));
        Assert.Equal("14:14 UTC, 14 Dec 2026", Dates.Utc("en", deadline));
        Assert.StartsWith("lundi 14 décembre 2026", Dates.Utc("fr", deadline), StringComparison.Ordinal);
    }

    [Fact]
    public void Council_members_are_named_in_each_language_from_the_shipped_preset()
    {
        var council = CoordBot.Council.CouncilProvider.Load(new CoordBot.Council.CouncilOptions());
        Assert.All(council.Members, m => Assert.All(Languages.All.Where(l => l != "en"), l => Assert.True(m.Names.ContainsKey(l), $"{m.Code} has no {l} name")));
        Assert.Equal("Fédération de Russie", council.NameOf("RUS", "fr"));
        Assert.Equal("联合王国", council.NameOf("GBR", "zh"));
        Assert.Equal("Russian Federation", council.NameOf("RUS", "en"));
    }

    private static string? PluralStem(string key)
    {
        var underscore = key.LastIndexOf('_');
        return underscore > 0 && key[(underscore + 1)..] is "zero" or "one" or "two" or "few" or "many" or "other" ? key[..underscore] : null;
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
