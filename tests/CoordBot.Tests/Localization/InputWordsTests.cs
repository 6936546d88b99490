using CoordBot.Domain.Input;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Tests.Localization;

/// <summary>Dates, times and numbers typed in each of the six languages, read with the language's CLDR names (issue 27).</summary>
public sealed class InputWordsTests
{
    /// <summary>Monday 23 November 2026.</summary>
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("fr", "aujourd'hui", "2026-11-23")]
    [InlineData("fr", "demain", "2026-11-24")]
    [InlineData("fr", "après-demain", "2026-11-25")]
    [InlineData("fr", "apres demain", "2026-11-25")]
    [InlineData("fr", "vendredi", "2026-11-27")]
    [InlineData("fr", "le vendredi", "2026-11-27")]
    [InlineData("fr", "vendredi prochain", "2026-11-27")]
    [InlineData("fr", "ven.", "2026-11-27")]
    [InlineData("fr", "lundi", "2026-11-30")]
    [InlineData("fr", "3 décembre", "2026-12-03")]
    [InlineData("fr", "le 3 déc.", "2026-12-03")]
    [InlineData("fr", "3/12", "2026-12-03")]
    [InlineData("fr", "3 janvier", "2027-01-03")]
    [InlineData("es", "hoy", "2026-11-23")]
    [InlineData("es", "mañana", "2026-11-24")]
    [InlineData("es", "manana", "2026-11-24")]
    [InlineData("es", "pasado mañana", "2026-11-25")]
    [InlineData("es", "viernes", "2026-11-27")]
    [InlineData("es", "el próximo viernes", "2026-11-27")]
    [InlineData("es", "miércoles", "2026-11-25")]
    [InlineData("es", "3 de diciembre", "2026-12-03")]
    [InlineData("es", "3/12/2026", "2026-12-03")]
    [InlineData("ru", "сегодня", "2026-11-23")]
    [InlineData("ru", "завтра", "2026-11-24")]
    [InlineData("ru", "послезавтра", "2026-11-25")]
    [InlineData("ru", "пятница", "2026-11-27")]
    [InlineData("ru", "в пятницу", "2026-11-27")]
    [InlineData("ru", "в среду", "2026-11-25")]
    [InlineData("ru", "3 декабря", "2026-12-03")]
    [InlineData("ru", "03.12", "2026-12-03")]
    [InlineData("zh", "今天", "2026-11-23")]
    [InlineData("zh", "明天", "2026-11-24")]
    [InlineData("zh", "后天", "2026-11-25")]
    [InlineData("zh", "星期五", "2026-11-27")]
    [InlineData("zh", "周五", "2026-11-27")]
    [InlineData("zh", "12月3日", "2026-12-03")]
    [InlineData("zh", "12月3号", "2026-12-03")]
    [InlineData("zh", "2027年1月5日", "2027-01-05")]
    [InlineData("zh", "12/3", "2026-12-03")]
    [InlineData("zh", "１２月３日", "2026-12-03")]
    [InlineData("ar", "اليوم", "2026-11-23")]
    [InlineData("ar", "غدا", "2026-11-24")]
    [InlineData("ar", "غدًا", "2026-11-24")]
    [InlineData("ar", "بعد الغد", "2026-11-25")]
    [InlineData("ar", "الجمعة", "2026-11-27")]
    [InlineData("ar", "الجمعه", "2026-11-27")]
    [InlineData("ar", "يوم الجمعة", "2026-11-27")]
    [InlineData("ar", "الجمعة القادمة", "2026-11-27")]
    [InlineData("ar", "الاثنين", "2026-11-30")]
    [InlineData("ar", "٣ ديسمبر", "2026-12-03")]
    [InlineData("ar", "٣/١٢", "2026-12-03")]
    [InlineData("ar", "٢٠٢٦-١٢-٠٣", "2026-12-03")]
    [InlineData("en", "friday", "2026-11-27")]
    [InlineData("en", "3 Dec", "2026-12-03")]
    public void A_date_in_the_readers_words_is_read(string language, string typed, string expected)
    {
        var reading = DateWords.Read(typed, Today, InputWords.Dates(language));

        Assert.True(reading.IsDate, $"{typed}: {reading.Error}");
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Date);
        Assert.Equal(typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, reading.Consumed);
    }

    [Theory]
    [InlineData("fr", "demain", "2026-11-24")]
    [InlineData("zh", "明天", "2026-11-24")]
    [InlineData("ar", "غدا", "2026-11-24")]
    public void English_is_still_understood_in_every_language_and_the_native_word_only_in_its_own(string language, string native, string expected)
    {
        Assert.Equal(new DateOnly(2026, 11, 24), DateWords.Read("tomorrow", Today, InputWords.Dates(language)).Date);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateWords.Read(native, Today, InputWords.Dates(language)).Date);
        Assert.False(DateWords.Read(native, Today).IsDate);
    }

    [Fact]
    public void English_keeps_asking_which_date_12_03_means_and_French_reads_it_day_first()
    {
        Assert.True(DateWords.Read("12/03", Today).IsAmbiguous);
        Assert.Equal(new DateOnly(2027, 3, 12), DateWords.Read("12/03", Today, InputWords.Dates("fr")).Date);
        Assert.Equal(new DateOnly(2026, 12, 3), DateWords.Read("12/03", Today, InputWords.Dates("zh")).Date);
    }

    [Theory]
    [InlineData("fr", "31 février")]
    [InlineData("zh", "2月30日")]
    public void A_day_the_month_lacks_is_refused_in_the_readers_language(string language, string typed)
    {
        var reading = DateWords.Read(typed, Today, InputWords.Dates(language));

        Assert.Equal(DateFailure.NoSuchDay, reading.Failure);
        var refusal = InputText.DateRefusal(language, reading);
        Assert.Equal(Catalogue.Format(language, "Input.Date.NoSuchDay", typed, reading.Day), refusal);
        Assert.DoesNotContain("month", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_in_Chinese_has_no_English_and_in_English_is_the_parsers_own_words()
    {
        var failed = DateWords.Read("明年", Today, InputWords.Dates("zh"));
        var chinese = InputText.DateRefusal("zh", failed);

        Assert.StartsWith("“明年”不是日期", chinese, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", chinese);
        Assert.Equal(
            "&quot;someday&quot; is not a date: write it as yyyy-mm-dd, for example 2026-12-01, or as 3 Dec, today, tomorrow or a weekday.",
            InputText.DateRefusal("en", DateWords.Read("someday", Today)));
    }

    [Theory]
    [InlineData("fr", "15 h", "15:00", 2)]
    [InlineData("fr", "15h30", "15:30", 1)]
    [InlineData("es", "3 p. m.", "15:00", 3)]
    [InlineData("es", "15:00", "15:00", 1)]
    [InlineData("ru", "15:00", "15:00", 1)]
    [InlineData("ru", "9.30", "09:30", 1)]
    [InlineData("zh", "下午3点", "15:00", 1)]
    [InlineData("zh", "下午3点半", "15:30", 1)]
    [InlineData("zh", "15点30分", "15:30", 1)]
    [InlineData("zh", "上午 9点", "09:00", 2)]
    [InlineData("ar", "٣ م", "15:00", 2)]
    [InlineData("ar", "٩ ص", "09:00", 2)]
    [InlineData("ar", "٣ مساءً", "15:00", 2)]
    [InlineData("ar", "١٥:٠٠", "15:00", 1)]
    [InlineData("en", "3pm", "15:00", 1)]
    public void A_time_as_written_in_the_language_is_read(string language, string typed, string expected, int words)
    {
        var read = TimeWords.Read(typed.Split(' '), 0, InputWords.Times(language));

        Assert.NotNull(read);
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read.Value.Time);
        Assert.Equal(words, read.Value.Consumed);
    }

    [Theory]
    [InlineData("36", 36)]
    [InlineData("36h", 36)]
    [InlineData("36 h", 36)]
    [InlineData("٣٦", 36)]
    [InlineData("٣٦ ساعة", 36)]
    [InlineData("36 часов", 36)]
    [InlineData("36小时", 36)]
    [InlineData("36 heures", 36)]
    [InlineData("36 horas", 36)]
    [InlineData("NaN", null)]
    [InlineData("36 days", null)]
    public void Hours_are_read_with_native_digits_and_the_units_name(string typed, int? hours) =>
        Assert.Equal(hours, HourCount.Read(typed));

    [Fact]
    public void Ids_and_numbers_may_be_written_in_Arabic_Indic_or_full_width_digits()
    {
        Assert.True(EntityIds.TryParse("D٣", 'D', out var id));
        Assert.Equal(3, id);
        Assert.True(EntityIds.TryParse("٤٢", 'S', out var session));
        Assert.Equal(42, session);
        Assert.True(StrictNumbers.TryParseDecimal("١٫٥", out var value));
        Assert.Equal(1.5m, value);
        Assert.Equal("D12", NativeDigits.ToAscii("D１２"));
        Assert.Equal("Résolution 2334", NativeDigits.ToAscii("Résolution 2334"));
    }
}
