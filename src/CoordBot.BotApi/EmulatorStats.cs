namespace CoordBot.BotApi;

/// <summary>A snapshot of what the bot asked of the emulator.</summary>
public sealed record EmulatorStats(
    IReadOnlyDictionary<string, int> RequestsPerMethod,
    int TooManyRequestsSent,
    int SendsAccepted,
    int FaultsInjected)
{
    public int RequestsTo(string method) => RequestsPerMethod.TryGetValue(method, out var n) ? n : 0;
}
