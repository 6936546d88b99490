using System.Net;
using CoordBot.BotApi;
using CoordBot.Telegram;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoordBot.Sandbox;

/// <summary>
/// With no token, starts the bundled Bot API emulator in-process, points the bot at it and serves the sandbox page
/// at the emulator's root. The emulator's state lives in a file beside the bot's database, so the chats the bot
/// knows still exist after a restart. Never started when a real token is set.
/// </summary>
public sealed class SandboxEmulatorHost(
    BotConnection connection,
    IOptions<SandboxOptions> options,
    SandboxClock clock,
    DemoCouncil demoCouncil,
    CouncilDay councilDay,
    ISchedulerFactory schedulers,
    IConfiguration configuration,
    ILogger<SandboxEmulatorHost> logger) : IHostedService, IAsyncDisposable
{
    private BotApiEmulator? _emulator;

    /// <summary>The running emulator (its real address when <c>Sandbox:Url</c> asked for port 0).</summary>
    public BotApiEmulator Emulator => _emulator ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stateFile = SandboxFiles.Beside(configuration, "sandbox.json");
        try
        {
            _emulator = await BotApiEmulator.StartAsync(
                new BotApiEmulatorOptions
                {
                    Url = settings.Url,
                    TimeProvider = clock,
                    StateFile = stateFile,
                    Actions = [demoCouncil.Action(), councilDay.Action(AdvanceClockAsync)],
                    AdvanceClock = AdvanceClockAsync,
                    Warn = message => logger.LogWarning("Sandbox emulator: {Problem}", message),
                },
                cancellationToken);
        }
        catch (Exception ex) when (Listening.IsBindFailure(ex))
        {
            throw Listening.Refused($"{SandboxOptions.Section}:{nameof(SandboxOptions.Url)}", settings.Url, ex);
        }

        connection.Configure(_emulator.BotToken, _emulator.BaseUrl.ToString().TrimEnd('/'));
        if (!IsLoopback(settings.Url))
        {
            logger.LogWarning(
                "Sandbox:Url {SandboxUrl} is not a loopback address: anyone who can reach it can read every sandbox chat and act as anyone. Use http://127.0.0.1:<port> unless you mean it.",
                settings.Url);
        }

        logger.LogWarning(
            "No Telegram:BotToken: running the SANDBOX. Open the sandbox page at {SandboxPage} (press \"Demo council\" for a working council); user {OperatorId} is an operator. The emulator's state is kept in {StateFile}.",
            _emulator.BaseUrl, settings.OperatorId, stateFile ?? "memory only");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Moves the shared clock, then brings every Quartz trigger the jump made due to now before the timers wake:
    /// a trigger skipped by more than the misfire threshold would otherwise wait for Quartz's next misfire scan.
    /// </summary>
    private async Task AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await clock.AdvanceAsync(by, FireDueTriggersAsync, cancellationToken);
        logger.LogInformation("Sandbox clock moved forward by {Advance}; it is now {Now:u}", by, clock.GetUtcNow());
    }

    private async Task FireDueTriggersAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken))
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is { } trigger
                && trigger.NextFireTimeUtc is { } next && next <= now)
            {
                await scheduler.RescheduleJob(key, trigger.GetTriggerBuilder().StartAt(now).Build(), cancellationToken);
            }
        }
    }

    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
