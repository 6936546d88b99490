using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Input;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Deadlines;

/// <summary>
/// A silence or vote deadline as typed after the draft: whole hours (the form the commands have always taken, a contract), or a
/// day and a time in a zone ("tomorrow 12:00 New York", "2026-12-10 15:00 Europe/Tallinn", "demain 12:00", "明天 15:00").
/// </summary>
/// <param name="Hours">The hours when typed as hours; null for a clock time.</param>
/// <param name="When">The words of a clock time, kept as typed: they are read with the reader's language and zone.</param>
/// <param name="WorkingDays">Working days that skip weekends (<c>5wd</c>, a committee's no-objection deadline); silence only.</param>
public sealed record DeadlineWords(int? Hours, IReadOnlyList<string> When, int? WorkingDays = null)
{
    public static DeadlineWords OfHours(int hours) => new(hours, []);

    public static DeadlineWords OfWorkingDays(int days) => new(null, [], days);

    public static DeadlineWords At(IReadOnlyList<string> words) => new(null, words);
}

public enum DeadlineRefusalCode
{
    /// <summary>The words are neither hours nor a day and a time.</summary>
    Unreadable,

    /// <summary>The time has already come.</summary>
    Past,

    /// <summary>Beyond the longest window the command allows.</summary>
    TooFar,

    /// <summary>Not later than the deadline it should move (<c>/extend</c>).</summary>
    NotLater,
}

/// <summary>Why a typed deadline was refused, with what the reply names: the words, the time they meant and the limit.</summary>
public sealed record DeadlineRefusal(DeadlineRefusalCode Code, string Typed, DateTime? AtUtc = null, string? ZoneId = null, DateTime? LimitUtc = null);

/// <summary>
/// The one place where the deadline commands (<c>/silence</c>, <c>/extend</c>, <c>/vote_open</c>) and their guides read a
/// deadline. A clock time is read by the parser of <c>/schedule</c> (<see cref="ScheduleRequest.When"/>), with the reader's
/// own date and time words (<see cref="InputWords"/>) and zones by city or IANA name (<see cref="ZoneLookup"/>); a new form
/// (working days, say) is one more case of <see cref="DeadlineWords"/> read here.
/// </summary>
public static class DeadlineInput
{
    /// <summary>A date a week-day or relative word can never be mistaken for, to ask the date readers whether a word starts one.</summary>
    private static readonly DateOnly Probe = new(2030, 1, 1);

    /// <summary>
    /// Whether the word at <paramref name="index"/> begins a day or a time in any of the six languages: the commands take
    /// the words from there as a clock-time deadline, and any other word still fails their parse (the usage line, as before).
    /// </summary>
    public static bool StartsClockTime(IReadOnlyList<string> words, int index)
    {
        ArgumentNullException.ThrowIfNull(words);
        return index < words.Count && Languages.All.Any(language =>
            DateWords.Read(words, index, Probe, InputWords.Dates(language)) is { Date: not null }
            || TimeWords.Read(words, index, InputWords.Times(language)) is not null);
    }

    /// <summary>
    /// The UTC deadline <paramref name="words"/> mean for a reader of <paramref name="language"/> whose zone is
    /// <paramref name="zoneId"/>: hours count from <paramref name="fromUtc"/> (now, or the deadline <c>/extend</c> moves); a clock
    /// time must be after <paramref name="fromUtc"/> and after now, and at most <paramref name="longest"/> after <paramref name="fromUtc"/>.
    /// A time without a day is the next one to come (today, else tomorrow).
    /// </summary>
    public static Outcome<DateTime, DeadlineRefusal> Resolve(DeadlineWords words, string language, string zoneId, DateTime nowUtc, DateTime fromUtc, TimeSpan longest)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Hours is { } hours)
        {
            return Outcome<DateTime, DeadlineRefusal>.Accept(fromUtc.AddHours(hours));
        }

        var typed = string.Join(' ', words.When);
        if (Read(words.When, language, zoneId, nowUtc) is not { } reading)
        {
            return Outcome<DateTime, DeadlineRefusal>.Refuse(new(DeadlineRefusalCode.Unreadable, typed));
        }

        var (atUtc, zone) = reading;
        var limit = fromUtc + longest;
        DeadlineRefusalCode? refused = atUtc <= nowUtc ? DeadlineRefusalCode.Past
            : atUtc <= fromUtc ? DeadlineRefusalCode.NotLater
            : atUtc > limit ? DeadlineRefusalCode.TooFar
            : null;
        return refused is { } code
            ? Outcome<DateTime, DeadlineRefusal>.Refuse(new(code, typed, atUtc, zone, code == DeadlineRefusalCode.NotLater ? fromUtc : limit))
            : Outcome<DateTime, DeadlineRefusal>.Accept(atUtc);
    }

    /// <summary>
    /// A clock time typed in a guide, as the guide passes it to its command: <c>2026-12-10 15:00 Europe/Tallinn</c>, which the
    /// command reads in any language. Refused as the command would refuse it (unreadable, past, too far).
    /// </summary>
    public static Outcome<string, DeadlineRefusal> Canonical(string text, string language, string zoneId, DateTime nowUtc, TimeSpan longest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var resolved = Resolve(DeadlineWords.At(words), language, zoneId, nowUtc, nowUtc, longest);
        if (!resolved.IsAccepted || Read(words, language, zoneId, nowUtc) is not var (_, zone))
        {
            return Outcome<string, DeadlineRefusal>.Refuse(resolved.Refusal ?? new(DeadlineRefusalCode.Unreadable, text));
        }

        var local = Dates.LocalNow(resolved.Value, zone);
        return Outcome<string, DeadlineRefusal>.Accept($"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone}");
    }

    /// <summary>The reply to a refused deadline, in <paramref name="language"/>, times in <paramref name="readerZone"/> (HTML).</summary>
    public static string Say(string language, DeadlineRefusal refusal, string usage, string? readerZone)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var typed = Html.Escape(refusal.Typed);
        string When(DateTime? utc) => utc is { } at ? Dates.InZoneAndUtc(language, at, readerZone) : string.Empty;
        return refusal.Code switch
        {
            DeadlineRefusalCode.Past => Catalogue.Format(language, "Deadlines.Past", typed, When(refusal.AtUtc)),
            DeadlineRefusalCode.TooFar => Catalogue.Format(language, "Deadlines.TooFar", typed, When(refusal.AtUtc), When(refusal.LimitUtc)),
            DeadlineRefusalCode.NotLater => Catalogue.Format(language, "Deadlines.NotLater", typed, When(refusal.AtUtc), When(refusal.LimitUtc)),
            _ => Catalogue.Format(language, "Deadlines.Unreadable", typed, Html.Escape(usage)),
        };
    }

    /// <summary>The instant and the zone the words name, or null when they do not read as one day and time (and a zone).</summary>
    private static (DateTime Utc, string Zone)? Read(IReadOnlyList<string> words, string language, string zoneId, DateTime nowUtc)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var dates = InputWords.Dates(language);
        var times = InputWords.Times(language);
        // A time alone (18:00, 18:00 New York) is the next one: today, or tomorrow once today's has passed.
        var dayless = DateWords.Read(words, 0, Probe, dates) is not { Date: not null } && TimeWords.Read(words, 0, times) is not null;
        foreach (var day in dayless ? new string?[] { "today", "tomorrow" } : new string?[] { null })
        {
            IReadOnlyList<string> full = day is null ? words : [day, .. words];
            var reading = ScheduleRequest.When(full, 0, zoneId, nowUtc, zoneAlone: true, out var consumed, dates, times);
            if (!reading.IsAccepted || consumed != full.Count)
            {
                return null;
            }

            if (day != "today" || reading.Value!.Utc > nowUtc)
            {
                return (reading.Value!.Utc, reading.Value.ZoneId);
            }
        }

        return null;
    }
}
