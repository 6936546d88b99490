using CoordBot.Telegram.Routing;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CoordBot.Telegram;

/// <summary>
/// Before updates are handled: learns the bot's username (getMe), points Telegram at the right
/// receiving mode without dropping pending updates, and publishes the command menu.
/// </summary>
internal sealed class BotStartup(
    BotConnection connection,
    BotIdentity identity,
    UpdateRouter router,
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

        // The English menu for every language Telegram has no list for; one list per other official language,
        // which Telegram shows to users whose app speaks it (language_code). Each on its own: one failing
        // language leaves the others published.
        foreach (var language in Localization.Languages.All)
        {
            try
            {
                var code = language == Localization.Languages.English ? null : language;
                await client.SetMyCommands(Menu(null, language), languageCode: code, cancellationToken: cancellationToken);
                await client.SetMyCommands(Menu(true, language), new BotCommandScopeAllPrivateChats(), code, cancellationToken: cancellationToken);
                await client.SetMyCommands(Menu(false, language), new BotCommandScopeAllGroupChats(), code, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Some servers (older local Bot API servers, emulators) lack it: the bot works without a menu.
                logger.LogWarning("Publishing the command menu ({Language}) failed: {Reason}", language, connection.Redact(ex.Message));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<BotCommand> Menu(bool? privateChats, string language) =>
        CommandMenu.InLanguage(CommandMenu.For(router.Commands, privateChats), language);
}
