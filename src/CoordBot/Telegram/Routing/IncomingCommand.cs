namespace CoordBot.Telegram.Routing;

/// <summary>
/// A parsed command: <c>/name@bot arguments</c> on the first line, and the rest of the message (after
/// the first line break) as <see cref="Body"/>, used by commands that carry a text.
/// </summary>
public sealed record IncomingCommand(string Name, string Arguments, string? Body, string? AddressedTo)
{
    /// <summary>The first argument (an id, usually), or null.</summary>
    public string? FirstWord => Words is [var first, ..] ? first : null;

    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
