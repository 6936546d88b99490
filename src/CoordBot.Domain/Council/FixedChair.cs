namespace CoordBot.Domain.Council;

/// <summary>A chair named in the council file for a term of months (inclusive), as subsidiary bodies elect theirs for a year.</summary>
public sealed record FixedChair(string Code, int FromYear, int FromMonth, int ToYear, int ToMonth)
{
    /// <summary>Whether the month lies inside the term.</summary>
    public bool Covers(int year, int month) =>
        (year * 12) + month >= (FromYear * 12) + FromMonth && (year * 12) + month <= (ToYear * 12) + ToMonth;
}
