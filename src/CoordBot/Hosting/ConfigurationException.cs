namespace CoordBot;

/// <summary>A setting is wrong; the message names the key and says what is expected, in one line.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
