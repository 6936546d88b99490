using CoordBot.Domain.Council;

namespace CoordBot.Domain.Presidency;

/// <summary>Rule 18: the presidency passes monthly down the order, continuing across years; an override replaces one month only.</summary>
public sealed class PresidencyRotation
{
    private readonly IReadOnlyList<string> _order;
    private readonly PresidencyAnchor _anchor;
    private readonly int _anchorIndex;
    private readonly IReadOnlyDictionary<(int Year, int Month), string> _overrides;
    private FixedChair? _fixed;

    public PresidencyRotation(
        IReadOnlyList<string> order,
        PresidencyAnchor anchor,
        IReadOnlyDictionary<(int Year, int Month), string>? overrides = null)
    {
        if (order.Count == 0)
        {
            throw new ArgumentException("The presidency order needs at least one member.", nameof(order));
        }

        _anchorIndex = IndexOf(order, anchor.Code);
        if (_anchorIndex < 0)
        {
            throw new ArgumentException($"The anchor \"{anchor.Code}\" is not in the presidency order.", nameof(anchor));
        }

        ValidateMonth(anchor.Year, anchor.Month);
        _order = order;
        _anchor = anchor;
        _overrides = overrides ?? new Dictionary<(int, int), string>();
        foreach (var ((year, month), code) in _overrides)
        {
            ValidateMonth(year, month);
            if (IndexOf(order, code) < 0)
            {
                throw new ArgumentException($"The override for {year:D4}-{month:D2} names \"{code}\", which is not a member.", nameof(overrides));
            }
        }
    }

    public static PresidencyRotation For(
        CouncilDefinition council, IReadOnlyDictionary<(int Year, int Month), string>? overrides = null) =>
        new(council.PresidencyOrder, council.PresidencyAnchor, overrides) { _fixed = council.FixedChair };

    /// <summary>The member presiding in the month: the override if there is one, otherwise the rotation.</summary>
    public string PresidentFor(int year, int month) => TermFor(year, month).Code;

    public PresidencyTerm TermFor(int year, int month)
    {
        ValidateMonth(year, month);
        if (_overrides.TryGetValue((year, month), out var code))
        {
            return new PresidencyTerm(year, month, code, Overridden: true);
        }

        return new PresidencyTerm(year, month, RotationAt(year, month), Overridden: false);
    }

    /// <summary>The presidents of <paramref name="count"/> consecutive months, starting with the given month.</summary>
    public IReadOnlyList<PresidencyTerm> Upcoming(int year, int month, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var terms = new List<PresidencyTerm>(count);
        for (var i = 0; i < count; i++)
        {
            terms.Add(TermFor(year, month));
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
        }

        return terms;
    }

    /// <summary>
    /// Rule 20: a president whose country is directly connected with an item hands the chair for that item
    /// to the next member in the order that is not itself connected.
    /// </summary>
    public Result<string> ChairForItem(int year, int month, IReadOnlySet<string> connected)
    {
        var president = PresidentFor(year, month);
        var start = IndexOf(_order, president);
        for (var step = 0; step < _order.Count; step++)
        {
            var candidate = _order[(start + step) % _order.Count];
            if (!connected.Contains(candidate))
            {
                return Result.Ok(candidate);
            }
        }

        return Result.Fail<string>("every member is connected with this item, so no one can take the chair");
    }

    private string RotationAt(int year, int month)
    {
        // A chair fixed for a term stays in the chair until the operator names the next in the file: a body with
        // no chair could not run its procedures, and guessing a successor would be worse.
        if (_fixed is { } chair)
        {
            return chair.Code;
        }

        // Months before the anchor count backwards; the double modulo keeps the index non-negative.
        var offset = ((year * 12) + month - 1) - ((_anchor.Year * 12) + _anchor.Month - 1);
        var index = (((_anchorIndex + offset) % _order.Count) + _order.Count) % _order.Count;
        return _order[index];
    }

    private static int IndexOf(IReadOnlyList<string> order, string code)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ValidateMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }
}
