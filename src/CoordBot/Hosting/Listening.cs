using System.Net.Sockets;

namespace CoordBot;

/// <summary>
/// The bot's HTTP listeners (the sandbox, the webhook, the operations endpoint) fail to bind the same way: the bot
/// stops at start with one line naming the setting whose address could not be taken, which <c>Program</c> prints
/// (exit code 2), instead of a stack trace or a bot that runs on without the endpoint.
/// </summary>
public static class Listening
{
    public static bool IsBindFailure(Exception exception) => exception is IOException or SocketException;

    /// <summary>The configuration error for <paramref name="key"/>, whose address <paramref name="url"/> could not be bound.</summary>
    public static ConfigurationException Refused(string key, string url, Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return new ConfigurationException($"{key}: cannot listen on {url} ({innermost.Message.ReplaceLineEndings(" ").TrimEnd('.')}); free the port or set another address");
    }
}
