namespace CoordBot.BotApi;

/// <summary>Marker for the emulator assembly.</summary>
public static class BotApiAssembly;
