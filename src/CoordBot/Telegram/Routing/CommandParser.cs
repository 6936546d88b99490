namespace CoordBot.Telegram.Routing;

public static class CommandParser
{
    /// <summary>Parses <c>/command[@bot] [args]</c>; null when the text is not a command.</summary>
    public static IncomingCommand? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length < 2)
        {
            return null;
        }

        var firstLineEnd = text.IndexOf('\n');
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd('\r');
        var body = firstLineEnd < 0 ? null : text[(firstLineEnd + 1)..];

        var nameEnd = firstLine.IndexOfAny([' ', '\t']);
        var token = nameEnd < 0 ? firstLine[1..] : firstLine[1..nameEnd];
        var arguments = nameEnd < 0 ? string.Empty : firstLine[(nameEnd + 1)..].Trim();

        string? addressedTo = null;
        var at = token.IndexOf('@');
        if (at >= 0)
        {
            addressedTo = token[(at + 1)..];
            token = token[..at];
        }

        if (token.Length == 0 || token.Length > 64 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new IncomingCommand(token.ToLowerInvariant(), arguments, string.IsNullOrEmpty(body) ? null : body, addressedTo);
    }
}
