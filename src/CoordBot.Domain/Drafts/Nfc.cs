using System.Text;

namespace CoordBot.Domain.Drafts;

/// <summary>
/// Unicode NFC for the scripts council texts use (Latin with Vietnamese, Greek, Cyrillic).
/// The build runs with invariant globalization, where string.Normalize leaves non-ASCII text untouched;
/// and a hash must not depend on whether a host happens to have ICU, so this is always used instead.
/// Characters outside the tables pass through unchanged.
/// </summary>
internal static class Nfc
{
    private static readonly Dictionary<char, (char Base, char Mark)> Decompositions = new();
    private static readonly Dictionary<(char Base, char Mark), char> Compositions = new();
    private static readonly Dictionary<char, int> Classes = new();

    static Nfc()
    {
        for (var i = 0; i + 2 < CompositionData.Pairs.Length; i += 3)
        {
            var (composite, baseChar, mark) = (CompositionData.Pairs[i], CompositionData.Pairs[i + 1], CompositionData.Pairs[i + 2]);
            Decompositions[composite] = (baseChar, mark);
            Compositions[(baseChar, mark)] = composite;
        }

        for (var i = 0; i + 1 < CompositionData.CombiningClasses.Length; i += 2)
        {
            Classes[CompositionData.CombiningClasses[i]] = CompositionData.CombiningClasses[i + 1];
        }
    }

    public static string Normalize(string text)
    {
        var decomposed = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            Decompose(c, decomposed);
        }

        var chars = decomposed.ToString().ToCharArray();
        Reorder(chars);
        return Compose(chars);
    }

    private static void Decompose(char c, StringBuilder into)
    {
        if (Decompositions.TryGetValue(c, out var parts))
        {
            Decompose(parts.Base, into);
            into.Append(parts.Mark);
        }
        else
        {
            into.Append(c);
        }
    }

    private static int ClassOf(char c) => Classes.GetValueOrDefault(c);

    // Canonical ordering: within each run of combining marks, a stable sort by combining class.
    private static void Reorder(char[] chars)
    {
        for (var i = 1; i < chars.Length; i++)
        {
            var current = chars[i];
            var cls = ClassOf(current);
            if (cls == 0)
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && ClassOf(chars[j]) > cls)
            {
                chars[j + 1] = chars[j];
                j--;
            }

            chars[j + 1] = current;
        }
    }

    // Canonical composition: a mark joins the last starter unless a mark of the same or higher class lies between.
    private static string Compose(char[] chars)
    {
        var result = new StringBuilder(chars.Length);
        var starter = -1;
        var lastClass = 0;
        foreach (var c in chars)
        {
            var cls = ClassOf(c);
            var blocked = starter < 0 || (result.Length - 1 != starter && lastClass >= cls) || (cls == 0 && result.Length - 1 != starter);
            if (!blocked && Compositions.TryGetValue((result[starter], c), out var composite))
            {
                result[starter] = composite;
                continue;
            }

            if (cls == 0)
            {
                starter = result.Length;
            }

            lastClass = cls;
            result.Append(c);
        }

        return result.ToString();
    }
}
