using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The paragraphs of a Word .docx (Open XML SDK): the body's paragraphs in order, tables' cells included, with the numbers
/// Word shows before list paragraphs ("1.", "(a)") written out, since an operative paragraph's number is part of its text.
/// Deleted revisions and field codes are not text; a line break inside a paragraph becomes a space.
/// </summary>
internal static class DocxText
{
    private const int MaxParts = 1000;

    public static ExtractedText Read(byte[] bytes)
    {
        // A .docx is a zip: what its parts say they unpack to is checked before anything is unpacked, and the XML parser
        // stops at a character limit besides, so a part that lies about its size is stopped too.
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
            }

            if (zip.Entries.Count > MaxParts || unpacked > DraftFileReader.MaxUnpackedBytes)
            {
                return ExtractedText.Refused(DraftFileProblem.Expands, unpacked);
            }
        }
        catch (InvalidDataException)
        {
            return ExtractedText.Refused(DraftFileProblem.NotWord);
        }

        try
        {
            using var document = WordprocessingDocument.Open(
                new MemoryStream(bytes, writable: false),
                isEditable: false,
                new OpenSettings { MaxCharactersInPart = DraftFileReader.MaxUnpackedBytes / 2 });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (body is null)
            {
                return ExtractedText.Refused(DraftFileProblem.NotWord);
            }

            var numbers = new ListNumbers(main!.NumberingDefinitionsPart?.Numbering);
            var paragraphs = new List<string>();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                // Text boxes come twice (the drawing and its fallback for old readers): the fallback is skipped.
                if (paragraph.Ancestors<AlternateContentFallback>().Any())
                {
                    continue;
                }

                var text = TextOf(paragraph);
                var label = numbers.Next(paragraph.ParagraphProperties?.NumberingProperties);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    paragraphs.Add(label.Length > 0 ? $"{label} {text}" : text);
                }
            }

            return new ExtractedText(paragraphs);
        }
#pragma warning disable CA1031 // a hostile or damaged file must never fail the update
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An XML part over the character limit is an XmlException ("exceeds MaxCharactersInDocument").
            return ex is XmlException xml && xml.Message.Contains("MaxCharacters", StringComparison.Ordinal)
                ? ExtractedText.Refused(DraftFileProblem.Expands)
                : ExtractedText.Refused(DraftFileProblem.NotWord);
        }
#pragma warning restore CA1031
    }

    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Word's list counters, paragraph after paragraph: a level counts up, and the levels below it start again.</summary>
    private sealed class ListNumbers(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> counters = [];

        public string Next(NumberingProperties? properties)
        {
            if (numbering is null || properties?.NumberingId?.Val?.Value is not { } numId || numId == 0)
            {
                return string.Empty;
            }

            var level = Math.Clamp(properties.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (definition is null)
            {
                return string.Empty;
            }

            var levels = Enumerable.Range(0, 9).Select(i => LevelOf(definition, instance!, i)).ToArray();
            if (!counters.TryGetValue(numId, out var counter))
            {
                counter = [.. levels.Select(l => Start(l) - 1)];
                counters[numId] = counter;
            }

            counter[level]++;
            for (var deeper = level + 1; deeper < counter.Length; deeper++)
            {
                counter[deeper] = Start(levels[deeper]) - 1;
            }

            var current = levels[level];
            if (current?.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
            {
                return "•";
            }

            var pattern = current?.LevelText?.Val?.Value ?? string.Empty;
            var label = new StringBuilder(pattern);
            for (var i = 0; i <= level; i++)
            {
                label.Replace($"%{i + 1}", Format(Math.Max(counter[i], Start(levels[i])), levels[i]?.NumberingFormat?.Val?.Value));
            }

            return label.ToString().Trim();
        }

        private static Level? LevelOf(AbstractNum definition, NumberingInstance instance, int index)
        {
            var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index);
            return overridden?.Level ?? definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);
        }

        private static int Start(Level? level) => level?.StartNumberingValue?.Val?.Value ?? 1;

        private static string Format(int n, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                var letter = (char)('a' + ((n - 1) % 26));
                var letters = new string(letter, ((n - 1) / 26) + 1);
                return format == NumberFormatValues.UpperLetter ? letters.ToUpperInvariant() : letters;
            }

            if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
            {
                var roman = Roman(n);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return format == NumberFormatValues.None ? string.Empty : n.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int n)
        {
            var text = new StringBuilder();
            foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            {
                for (; n >= value; n -= value)
                {
                    text.Append(numeral);
                }
            }

            return text.ToString();
        }
    }
}
