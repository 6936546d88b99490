using CoordBot.BotApi;
using CoordBot.Telegram;
using Microsoft.Extensions.Options;

namespace CoordBot.Sandbox;

/// <summary>
/// With no token, starts the bundled Bot API emulator in-process and points the bot at it, so the
/// whole bot can be tried on one machine with curl (see the README).
/// </summary>
internal sealed class SandboxEmulatorHost(BotConnection connection, IOptions<SandboxOptions> options, TimeProvider time, ILogger<SandboxEmulatorHost> logger) : IHostedService, IAsyncDisposable
{
    private BotApiEmulator? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions { Url = settings.Url, TimeProvider = time }, cancellationToken);
        connection.Configure(_emulator.BotToken, _emulator.BaseUrl.ToString().TrimEnd('/'));
        logger.LogWarning(
            "No Telegram:BotToken: running the SANDBOX. The Bot API emulator listens on {EmulatorUrl}; user {OperatorId} is an operator. Try: curl -s {EmulatorUrl}/_emulator/send -H 'Content-Type: application/json' -d '{{\"chat_id\":{OperatorId},\"user_id\":{OperatorId},\"text\":\"/start\"}}'",
            _emulator.BaseUrl, settings.OperatorId, _emulator.BaseUrl, settings.OperatorId, settings.OperatorId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
