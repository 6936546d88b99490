using System.Text;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// A button that stands for a typed command (<c>r:draft D3</c>): pressing it runs the command through the same
/// gate, parser and handler as typing it, with the presser's role as it is now, so a button on an old message
/// acts on current state or says why it cannot. The data carries only the command and its ids.
/// </summary>
public static class CommandButton
{
    public const string Prefix = "r";

    /// <summary>Telegram's limit for a button's data, in bytes.</summary>
    private const int MaxData = 64;

    public static Button For(string label, string command)
    {
        var data = $"{Prefix}:{command}";
        if (Encoding.UTF8.GetByteCount(data) > MaxData)
        {
            throw new ArgumentException($"\"{command}\" does not fit in a button's {MaxData} bytes.", nameof(command));
        }

        return new Button(label, data);
    }

    /// <summary>The command a press stands for, read as if typed.</summary>
    public static IncomingCommand? Read(string payload) =>
        CommandParser.Parse("/" + payload) is { AddressedTo: null, Body: null } command ? command : null;
}
