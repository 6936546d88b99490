namespace CoordBot;

/// <summary>A setting is wrong; the message names the key and says what is expected, in one line.</summary>
/// <remarks>
/// It carries no stack trace: it is the operator's error, not the code's, and the host logs a hosted service's failure
/// to start with the exception's text (an address in use, found only when a listener binds), which should be that line.
/// </remarks>
public sealed class ConfigurationException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
