using System.Text.RegularExpressions;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// Reads a command's arguments word by word into typed values, for a declared command's <c>Parse</c>.
/// A read that fails marks the whole parse failed (and returns a default the handler never sees): the
/// router then answers with the command's usage line. Ids go through <see cref="EntityIds"/>, the one id
/// parser (<c>D3</c> and <c>3</c> alike), hours through <see cref="StrictNumbers"/>.
/// </summary>
public sealed partial class ArgReader
{
    private readonly IncomingCommand _command;
    private readonly List<Match> _words;
    private int _next;
    private bool _failed;

    public ArgReader(IncomingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        _words = Word().Matches(command.Arguments).ToList();
    }

    /// <summary>Some read failed, or words were left over that nothing read.</summary>
    public bool Failed => _failed || _next < _words.Count;

    /// <summary>The text after the command's first line (a draft's text, say), or null.</summary>
    public string? Body => _command.Body;

    /// <summary>Whether a word is left to read; none once the parse has failed, so a loop over optional words ends there.</summary>
    public bool HasMore => !_failed && _next < _words.Count;

    /// <summary>Marks the parse failed, for a check of the command's own (words in any order, a combination not allowed).</summary>
    public void Fail() => _failed = true;

    /// <summary>The next word, whatever it is.</summary>
    public string Text() => TakeWord(static w => w) ?? string.Empty;

    /// <summary>The next word if there is one; nothing is marked failed when there is none.</summary>
    public string? OptionalText() => HasMore ? Text() : null;

    /// <summary>An id such as <c>D12</c> or <c>12</c> for <paramref name="prefix"/> <c>'D'</c>.</summary>
    public long Id(char prefix) => TakeValue(w => EntityIds.TryParse(w, prefix, out var id) ? id : (long?)null) ?? 0;

    /// <summary>
    /// An optional id before free text: taken only when the next word carries the prefix (<c>A3</c>), since a
    /// bare number there may be the start of a title.
    /// </summary>
    public long? OptionalPrefixedId(char prefix)
    {
        if (HasMore && Peek() is { Length: > 1 } word && char.ToUpperInvariant(word[0]) == char.ToUpperInvariant(prefix) && EntityIds.TryParse(word, prefix, out var id))
        {
            _next++;
            return id;
        }

        return null;
    }

    /// <summary>A council code (letters only, upper-cased). Whether it names a member is the handler's question, so it can say so.</summary>
    public string Code()
    {
        // A member's name ("France", "United Kingdom") or a common short one ("UK") reads as its code: the longest run of words that names one.
        for (var n = Math.Min(Domain.Input.DelegationNames.MaxWords, _words.Count - _next); n >= 1; n--)
        {
            if (Domain.Input.DelegationNames.CodeOf(string.Join(' ', _words.Skip(_next).Take(n).Select(w => w.Value))) is { } code)
            {
                _next += n;
                return code;
            }
        }

        return TakeWord(static w => w.Length <= 8 && w.All(char.IsAsciiLetter) ? w.ToUpperInvariant() : null) ?? string.Empty;
    }

    /// <summary>An optional council code: taken when there is a next word (which must then be a code).</summary>
    public string? OptionalCode() => HasMore ? Code() : null;

    /// <summary>A word read by a parser of the command's own (a month, a zone); null from it fails the parse.</summary>
    public T Value<T>(Func<string, T?> read)
        where T : struct => TakeValue(read) ?? default;

    /// <summary>One of the words of <paramref name="choices"/> (case-insensitive).</summary>
    public T Choice<T>(IReadOnlyDictionary<string, T> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var found = default(T);
        var ok = false;
        TakeWord(w =>
        {
            ok = choices.TryGetValue(w.ToLowerInvariant(), out found);
            return ok ? w : null;
        });
        return ok ? found! : default!;
    }

    /// <summary>Hours within (0, max], written <c>24</c>, <c>24h</c> or <c>1.5h</c> (see <see cref="StrictNumbers.TryParseHours"/>).</summary>
    public TimeSpan Hours(decimal max, decimal min = 0) =>
        TakeValue(w => StrictNumbers.TryParseHours(w, min, max, out var hours) ? hours : (TimeSpan?)null) ?? TimeSpan.Zero;

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Number(long min, long max) =>
        TakeValue(w => Domain.Input.NativeDigits.ToAscii(w) is var d && d.All(char.IsAsciiDigit) && d.Length is > 0 and <= 18 && long.Parse(d, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= min && n <= max ? n : (long?)null) ?? 0;

    /// <summary>The rest of the first line as typed (spacing kept); fails when empty unless <paramref name="optional"/>.</summary>
    public string Rest(bool optional = false)
    {
        if (!HasMore)
        {
            _failed |= !optional;
            return string.Empty;
        }

        var rest = _command.Arguments[_words[_next].Index..].Trim();
        _next = _words.Count;
        return rest;
    }

    private string? Peek() => HasMore ? _words[_next].Value : null;

    private string? TakeWord(Func<string, string?> read) => Next() is { } word ? Check(read(word)) : null;

    private T? TakeValue<T>(Func<string, T?> read)
        where T : struct
    {
        var value = Next() is { } word ? read(word) : null;
        _failed |= value is null;
        return value;
    }

    private string? Check(string? value)
    {
        _failed |= value is null;
        return value;
    }

    // The next word; none (or an earlier failure) fails the parse.
    private string? Next()
    {
        if (_failed || !HasMore)
        {
            _failed = true;
            return null;
        }

        return _words[_next++].Value;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
