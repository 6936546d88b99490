using System.Text;
using CoordBot.Features.Drafts;
using CoordBot.Telegram.Rendering;
using CsCheck;

namespace CoordBot.Tests.Hardening;

/// <summary>
/// Properties of everything that escapes or splits what the bot sends (drafts, diffs, records, comments and
/// lists all end in <see cref="Html.Escape"/>, <see cref="WordDiff.Render"/> and <see cref="MessageSplitter"/>):
/// for random texts full of markup characters, emoji, RTL marks, NUL and very long words, every part is valid
/// for Telegram's HTML parser (the emulator's), fits the limit, and the parts show exactly the whole.
/// A fixed seed makes every run the same; CsCheck prints the seed and the shrunk case of a failure.
/// </summary>
public sealed class RenderingPropertyTests
{
    private const int Iterations = 150;

    private static readonly Gen<string> LongWord = Gen.Char['a', 'z'].Array[100, 6_000].Select(c => new string(c));

    /// <summary>The pieces hostile texts are made of.</summary>
    private static readonly Gen<string> Atom = Gen.Frequency(
        (6, Gen.Char["abcdefghijklmnopqrstuvwxyzÉé"].Array[1, 12].Select(c => new string(c))),
        (4, Gen.OneOf(" ", " ", "\n", "\n\n", "\t")),
        (3, Gen.OneOf("&", "&&&&&&&&", "<", ">", "\"", "'", "&amp;", "&lt;b&gt;", "&#65;", "&foo;", "<b>", "</u>", "<a href=\"x\">", "</", "<>")),
        (2, Gen.OneOf("😀", "👨‍👩‍👧‍👦", "🇪🇪", "e\u0301", "\u200F", "\u200E", "\u202E", "\u2067", "مرحبا", "שלום", "\u00A0", "\u2028")),
        (1, Gen.OneOf("\0", "\u0001", "\u007F", "\u0085", "\uFEFF")),
        (1, LongWord));

    /// <summary>Short texts mostly, and sometimes texts far over one message.</summary>
    private static readonly Gen<string> Text = Texts(6_000);

    /// <summary>The same for comparisons, a little shorter: DiffPlex's time grows with length times changes.</summary>
    private static readonly Gen<string> DiffText = Texts(2_000);

    private static readonly string[] Styles = ["", "b", "i", "u", "s", "code", "blockquote", "b+i", "u+s"];

    /// <summary>A message as the renderers build it: escaped user text, some of it inside tags, across lines.</summary>
    private static readonly Gen<string> Message = Gen.Select(Gen.OneOf(Styles), Text).Array[1, 6].Select(segments =>
    {
        var html = new StringBuilder("<b>Header</b>\n");
        foreach (var (style, text) in segments)
        {
            var tags = style.Length == 0 ? [] : style.Split('+');
            foreach (var tag in tags)
            {
                html.Append('<').Append(tag).Append('>');
            }

            html.Append(Html.Escape(text));
            foreach (var tag in tags.Reverse())
            {
                html.Append("</").Append(tag).Append('>');
            }

            html.Append(style.Length % 2 == 0 ? "\n\n" : " ");
        }

        return html.ToString();
    });

    [Fact]
    public void Escaped_text_is_valid_Telegram_HTML_that_shows_the_text_itself()
    {
        Cases(Text, Iterations, text => Assert.Equal(text, TelegramHtmlCheck.Visible(Html.Escape(text))), Print);
    }

    [Fact]
    public void Every_part_of_a_split_message_is_valid_within_the_limit_and_together_they_show_the_whole()
    {
        Cases(Message, Iterations, html =>
        {
            var parts = MessageSplitter.Split(html);
            TelegramHtmlCheck.AssertParts(parts, TelegramHtmlCheck.Visible(html), MessageSplitter.TelegramLimit);
        }, Print);
    }

    [Fact]
    public void A_split_with_a_small_limit_keeps_every_part_valid()
    {
        Cases(Gen.Select(Message, Gen.Int[40, 400]), 60, c =>
        {
            var parts = MessageSplitter.Split(c.Item1, c.Item2);
            TelegramHtmlCheck.AssertParts(parts, TelegramHtmlCheck.Visible(c.Item1), c.Item2);
        }, c => $"limit {c.Item2}: {Print(c.Item1)}");
    }

    [Fact]
    public void Every_message_of_a_diff_is_valid_within_the_limit_and_together_they_show_both_texts()
    {
        var pair = Gen.Select(DiffText, DiffText, Gen.Int[0, 3]).Select((a, b, mode) => mode switch
        {
            0 => (a, b),
            1 => (a, a + b),            // an addition
            2 => (a + b, b + a),        // moved text
            _ => (b + a, a.Replace("&", "&&", StringComparison.Ordinal)),
        });
        Cases(pair, 80, c =>
        {
            var (older, newer) = c;
            var runs = WordDiff.Compare(older, newer);
            var header = "<b>D1</b> · changes from v1 to v2";
            var messages = WordDiff.Render(runs, header);
            var whole = TelegramHtmlCheck.Visible(header) + "\n\n" + string.Concat(runs.Select(r => r.Text));
            TelegramHtmlCheck.AssertParts(messages, whole, 3800);
        }, c => $"{Print(c.Item1)} => {Print(c.Item2)}");
    }

    private static Gen<string> Texts(int longest) => Gen.Frequency(
        (3, Atom.Array[0, 40]),
        (2, Atom.Array[40, 300]),
        (1, Gen.OneOf(Gen.Const("&"), Gen.Const("😀"), Gen.Const("x😀"), Gen.Const("ab <u>c</u> ")).SelectMany(s => Gen.Int[500, longest].Select(n => Enumerable.Repeat(s, n).ToArray()))))
        .Select(string.Concat);

    /// <summary>
    /// Runs <paramref name="count"/> cases, case i from the fixed seed (7, i), so every run checks the same
    /// cases; a failure names its seed (reproduce it with <c>gen.Sample(check, seed: "...")</c>) and is shrunk.
    /// </summary>
    private static void Cases<T>(Gen<T> gen, int count, Action<T> check, Func<T, string> print)
    {
        for (var i = 0UL; i < (ulong)count; i++)
        {
            gen.Sample(check, seed: new PCG(7, i).ToString(), iter: 1, threads: 1, print: print);
        }
    }

    private static string Print(string text) =>
        text.Length <= 300
            ? text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)
            : $"({text.Length} characters) {Print(text[..150])} ... {Print(text[^150..])}";
}
