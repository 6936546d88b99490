using CoordBot.Domain.Input;

namespace CoordBot.Features.Sessions;

/// <summary>What was wrong with the words of <c>/schedule</c> or <c>/reschedule</c>.</summary>
public enum WhenProblemCode
{
    /// <summary>Fewer words than a date, a time, a format and a title.</summary>
    TooFewWords,

    /// <summary>The date (<see cref="WhenProblem.Date"/> says why).</summary>
    Date,

    TimeMissing,
    NotATime,

    /// <summary>12/03: <see cref="WhenProblem.First"/> or <see cref="WhenProblem.Second"/>.</summary>
    AmbiguousDate,

    /// <summary>A date outside <see cref="DateWords.Earliest"/> .. <see cref="DateWords.Latest"/>.</summary>
    OutOfRange,

    /// <summary>A wall-clock time the clocks jump over (<see cref="WhenProblem.Shown"/> in <see cref="WhenProblem.ZoneId"/>).</summary>
    ClockGap,

    UnknownZone,
    NeitherFormatNorZone,
    UnknownFormat,
    NotAZone,
    Duration,
    NoTitle,
    TitleTooLong,

    /// <summary>The start has passed (<see cref="WhenProblem.AtUtc"/> in <see cref="WhenProblem.ZoneId"/>).</summary>
    Past,
}

/// <summary>
/// Why the words of a start were refused: a code with its facts, which <see cref="WhenText"/> words for the reader, and
/// <see cref="English"/>, the clause the bot has always written (the English reply is a contract and stays exactly it).
/// </summary>
public sealed record WhenProblem(WhenProblemCode Code, string English)
{
    /// <summary>The words the problem is about, as typed.</summary>
    public string Typed { get; init; } = string.Empty;

    /// <summary>The date reader's answer (<see cref="WhenProblemCode.Date"/>).</summary>
    public DateReading? Date { get; init; }

    public DateOnly? First { get; init; }

    public DateOnly? Second { get; init; }

    public DateTime? AtUtc { get; init; }

    public string? ZoneId { get; init; }

    /// <summary>The local date and time the clocks jump over, and the first one after it (<see cref="WhenProblemCode.ClockGap"/>).</summary>
    public DateTime? Local { get; init; }

    public DateTime? Suggested { get; init; }

    /// <summary>The zone's offset then ("UTC+3").</summary>
    public string? Offset { get; init; }

    /// <summary>The zones a typed word may have meant (<see cref="ZoneLookup.Find"/>), and whether they are the several zones of one place.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    public bool Several { get; init; }

    /// <summary>A limit the words exceeded (minutes, characters).</summary>
    public int Limit { get; init; }
}
