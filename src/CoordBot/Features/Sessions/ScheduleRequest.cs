using System.Globalization;
using CoordBot.Domain;
using CoordBot.Domain.Sessions;
using CoordBot.Telegram.Rendering;
using NodaTime;

namespace CoordBot.Features.Sessions;

/// <summary>What <c>/schedule</c> asks for, parsed and checked; nothing here touches the database.</summary>
public sealed record ScheduleRequest(DateTime StartUtc, string ZoneId, SessionFormat Format, int DurationMinutes, string Title, string? Note)
{
    public const int DefaultMinutes = 120;
    public const int MaxMinutes = 24 * 60;

    public const string Usage = "/schedule &lt;yyyy-mm-dd&gt; &lt;HH:mm&gt; [IANA zone] &lt;open|closed|consultations|arria&gt; [&lt;minutes&gt;m] &lt;title&gt;";

    /// <summary>Parses <c>&lt;date&gt; &lt;time&gt; [zone] &lt;format&gt; [&lt;minutes&gt;m] &lt;title&gt;</c>; errors are plain text.</summary>
    public static Result<ScheduleRequest> Parse(IReadOnlyList<string> words, string defaultZone, DateTime nowUtc)
    {
        if (words.Count < 4)
        {
            return Result.Fail<ScheduleRequest>("a session needs a date, a time, a format and a title");
        }

        var at = When(words[0], words[1], words.Count > 2 ? words[2] : null, defaultZone, out var consumed);
        if (!at.IsSuccess)
        {
            return Result.Fail<ScheduleRequest>(at.Errors);
        }

        var index = 2 + consumed;
        var formatText = words.Count > index ? words[index] : null;
        var format = SessionFormats.Parse(formatText);
        if (!format.IsSuccess)
        {
            return Result.Fail<ScheduleRequest>(format.Errors);
        }

        index++;
        var minutes = DefaultMinutes;
        if (words.Count > index && words[index].Length > 1 && words[index].EndsWith('m') && words[index][..^1].All(char.IsAsciiDigit))
        {
            if (!int.TryParse(words[index][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < 1 || minutes > MaxMinutes)
            {
                return Result.Fail<ScheduleRequest>($"the duration must be between 1m and {MaxMinutes}m");
            }

            index++;
        }

        var title = string.Join(' ', words.Skip(index)).Trim();
        if (title.Length == 0)
        {
            return Result.Fail<ScheduleRequest>("the session needs a title after the format");
        }

        if (title.Length > 300)
        {
            return Result.Fail<ScheduleRequest>("the title is too long (at most 300 characters)");
        }

        var (startUtc, zoneId, note) = at.Value;
        if (startUtc <= nowUtc)
        {
            return Result.Fail<ScheduleRequest>($"{TimeDisplay.InZone(startUtc, zoneId)} is in the past: choose a time still to come");
        }

        return Result.Ok(new ScheduleRequest(startUtc, zoneId, format.Value, minutes, title, note));
    }

    /// <summary>
    /// Date, time and an optional zone (when <paramref name="maybeZone"/> is not one, the author's zone is used
    /// and <paramref name="consumed"/> is 0). Shared by <c>/schedule</c> and <c>/reschedule</c>.
    /// </summary>
    public static Result<(DateTime Utc, string ZoneId, string? Note)> When(string dateText, string timeText, string? maybeZone, string defaultZone, out int consumed)
    {
        consumed = 0;
        var date = SessionTime.ParseDate(dateText);
        var time = SessionTime.ParseTime(timeText);
        if (!date.IsSuccess || !time.IsSuccess)
        {
            return Result.Fail<(DateTime, string, string?)>(date.Errors.Concat(time.Errors).ToList());
        }

        var zone = TimeDisplay.FindZone(defaultZone) ?? DateTimeZone.Utc;
        if (maybeZone is not null && !SessionFormats.Parse(maybeZone).IsSuccess)
        {
            if (TimeDisplay.FindZone(maybeZone) is not { } named)
            {
                return Result.Fail<(DateTime, string, string?)>(LooksLikeZone(maybeZone)
                    ? $"I don't know the time zone \"{maybeZone}\": use an IANA name such as Europe/Tallinn, America/New_York or UTC"
                    : $"\"{maybeZone}\" is neither a format (open, closed, consultations, arria) nor a time zone I know (an IANA name such as Europe/Tallinn)");
            }

            zone = named;
            consumed = 1;
        }

        var resolved = SessionTime.Resolve(date.Value + time.Value, zone);
        return resolved.IsSuccess
            ? Result.Ok((resolved.Value.Utc, zone.Id, resolved.Value.Note))
            : Result.Fail<(DateTime, string, string?)>(resolved.Errors);
    }

    private static bool LooksLikeZone(string text) =>
        text.Contains('/', StringComparison.Ordinal) || text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || text.StartsWith("GMT", StringComparison.OrdinalIgnoreCase);
}
