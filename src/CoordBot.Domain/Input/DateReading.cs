namespace CoordBot.Domain.Input;

/// <summary>What a date typed in words turned out to be: one date, two possible dates, or an explanation.</summary>
/// <param name="Consumed">How many words the date took (0 when it failed).</param>
public sealed record DateReading(DateOnly? Date, DateOnly? Other, int Consumed, string? Error)
{
    public bool IsDate => Date is not null && Other is null;

    /// <summary>Both readings of <c>12/03</c> (day/month and month/day) are real dates: ask which one.</summary>
    public bool IsAmbiguous => Date is not null && Other is not null;

    public static DateReading One(DateOnly date, int consumed) => new(date, null, consumed, null);

    public static DateReading Either(DateOnly dayFirst, DateOnly monthFirst) => new(dayFirst, monthFirst, 1, null);

    public static DateReading Fail(string error) => new(null, null, 0, error);
}
