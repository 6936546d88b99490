using System.Globalization;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Telegram.Rendering;

/// <summary>
/// One page of a long list (<c>/drafts</c>, <c>/sessions</c>, <c>/agenda</c>, <c>/delegations</c>): the entries on it,
/// and a row of buttons to the pages either side. A page is asked for by number (<c>/drafts 2</c>), typed or pressed:
/// the buttons are command buttons, so a press re-reads the list as it is now, with the presser's role. A number past
/// the end shows the last page, so a button from an old, longer list still lands somewhere sensible.
/// </summary>
public static class ListPage
{
    /// <summary>
    /// Entries per page: a list up to this long (a council's fifteen members, a day's agenda) is read in one message on
    /// a phone; only a longer one is paged. Telegram allows a hundred buttons, so each entry keeps its own.
    /// </summary>
    public const int Size = 30;

    /// <summary>Page <paramref name="requested"/> (from 1) of <paramref name="all"/>, clamped to the pages there are.</summary>
    public static ListPage<T> Of<T>(IReadOnlyList<T> all, int requested, int size = Size)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var count = Math.Max(1, (all.Count + size - 1) / size);
        var number = Math.Clamp(requested, 1, count);
        var first = (number - 1) * size;
        return new ListPage<T>([.. all.Skip(first).Take(size)], number, count, first);
    }
}

/// <summary>One page of a list; see <see cref="ListPage"/>.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Entries, int Number, int Count, int FirstIndex)
{

    public bool IsOnlyPage => Count == 1;

    /// <summary>
    /// "‹ 1" and "3 ›" buttons for <paramref name="command"/> (its name, without the slash, plus any fixed arguments
    /// before the page number), or no row on a list that fits one page.
    /// </summary>
    public IReadOnlyList<Button> Navigation(string command, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (IsOnlyPage)
        {
            return [];
        }

        var row = new List<Button>(2);
        if (Number > 1)
        {
            row.Add(CommandButton.For(Catalogue.Format(language, "List.Previous", Number - 1), $"{command} {(Number - 1).ToString(CultureInfo.InvariantCulture)}"));
        }

        if (Number < Count)
        {
            row.Add(CommandButton.For(Catalogue.Format(language, "List.Next", Number + 1), $"{command} {(Number + 1).ToString(CultureInfo.InvariantCulture)}"));
        }

        return row;
    }

    /// <summary>"Page 2 of 3", for the list's heading; nothing on a list that fits one page.</summary>
    public string Heading(string language) => IsOnlyPage ? string.Empty : Catalogue.Format(language, "List.PageOf", Number, Count);
}
