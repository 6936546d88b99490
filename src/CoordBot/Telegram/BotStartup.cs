using CoordBot.Telegram.Routing;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CoordBot.Telegram;

/// <summary>
/// Before updates are handled: learns the bot's username (getMe), points Telegram at the right
/// receiving mode without dropping pending updates, and publishes the command menu (<see cref="CommandMenuPublisher"/>).
/// </summary>
internal sealed class BotStartup(
    BotConnection connection,
    BotIdentity identity,
    CommandMenuPublisher menus,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<BotStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var client = connection.Client;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var me = await client.GetMe(cancellationToken);
                identity.Set(me.Id, me.Username ?? "CoordBot");
                logger.LogInformation("Connected to Telegram as @{BotUsername} ({BotId})", identity.Username, me.Id);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(30, attempt * 2));
                logger.LogWarning("Telegram is not reachable yet ({Reason}); trying again in {Pause}", connection.Redact(ex.Message), pause);
                await Task.Delay(pause, time, cancellationToken);
            }
        }

        var settings = options.Value;
        try
        {
            if (settings.ReceiveMode == ReceiveMode.Webhook)
            {
                await client.SetWebhook(
                    settings.WebhookUrl!,
                    secretToken: settings.WebhookSecret,
                    allowedUpdates: [global::Telegram.Bot.Types.Enums.UpdateType.Message, global::Telegram.Bot.Types.Enums.UpdateType.CallbackQuery, global::Telegram.Bot.Types.Enums.UpdateType.MyChatMember],
                    dropPendingUpdates: false,
                    cancellationToken: cancellationToken);
            }
            else
            {
                // A webhook left from an earlier deployment would make getUpdates fail; pending updates are kept.
                await client.DeleteWebhook(dropPendingUpdates: false, cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Setting the receiving mode failed: {Reason}", connection.Redact(ex.Message));
        }

        if (menus.PublishesAtStart)
        {
            await menus.PublishAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
