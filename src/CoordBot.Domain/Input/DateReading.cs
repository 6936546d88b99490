namespace CoordBot.Domain.Input;

/// <summary>What a date typed in words turned out to be: one date, two possible dates, or an explanation.</summary>
/// <param name="Consumed">How many words the date took (0 when it failed).</param>
/// <param name="Error">The explanation in English, as the typed forms have always written it.</param>
public sealed record DateReading(DateOnly? Date, DateOnly? Other, int Consumed, string? Error)
{
    /// <summary>Why it failed, for a reader in another language (the words come from the catalogue).</summary>
    public DateFailure Failure { get; init; }

    /// <summary>The words the failure is about, as typed.</summary>
    public string Typed { get; init; } = string.Empty;

    /// <summary>The day number a month lacks (<see cref="DateFailure.NoSuchDay"/>).</summary>
    public int Day { get; init; }

    public bool IsDate => Date is not null && Other is null;

    /// <summary>Both readings of <c>12/03</c> (day/month and month/day) are real dates: ask which one.</summary>
    public bool IsAmbiguous => Date is not null && Other is not null;

    public static DateReading One(DateOnly date, int consumed) => new(date, null, consumed, null);

    public static DateReading Either(DateOnly dayFirst, DateOnly monthFirst) => new(dayFirst, monthFirst, 1, null);

    public static DateReading Fail(string error) => new(null, null, 0, error);

    public static DateReading Fail(DateFailure failure, string typed, string error, int day = 0) =>
        new(null, null, 0, error) { Failure = failure, Typed = typed, Day = day };
}

/// <summary>The ways a typed date can fail.</summary>
public enum DateFailure
{
    None,
    Missing,
    NotADate,
    Unreadable,
    NoSuchDay,
    LongPast,
    TooFar,
}
