namespace CoordBot.Telegram.Rendering;

/// <summary>An inline keyboard button; <paramref name="Data"/> is at most 64 bytes (Telegram's limit).</summary>
public sealed record Button(string Text, string Data);
