namespace CoordBot.BotApi;

/// <summary>
/// A button on the sandbox page that plays a scripted scene through the user side (e.g. "Demo council").
/// <see cref="RunAsync"/> returns one line for the page to show when it is done.
/// </summary>
public sealed record EmulatorAction(string Id, string Label, string Description, Func<BotApiEmulator, CancellationToken, Task<string>> RunAsync);
