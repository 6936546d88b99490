using CoordBot.Council;
using CoordBot.Features.Bodies;
using CoordBot.Features.Agenda;
using CoordBot.Features.Dashboard;
using CoordBot.Features.Delegations;
using CoordBot.Features.Drafts;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using CoordBot.Features.Welcome;
using CoordBot.Operations;
using CoordBot.Persistence;
using CoordBot.Sandbox;
using CoordBot.Scheduling;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Receiving;
using CoordBot.Telegram.Routing;
using CoordBot.Telegram.Webhook;
using CoordBot.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordBot;

public static class CoordBotRegistration
{
    /// <summary>Registers the whole bot. Hosted services start in the order they are added here.</summary>
    public static IHostApplicationBuilder AddCoordBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        Localization.Languages.UseInvariantProcessCulture();

        // Every section has one IValidateOptions class and is checked when the host starts.
        services.AddValidatedOptions<TelegramOptions, TelegramOptionsValidator>(TelegramOptions.Section);
        services.AddValidatedOptions<BotOptions, BotOptionsValidator>(BotOptions.Section);
        services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(SandboxOptions.Section);
        services.AddValidatedOptions<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.Section);
        services.AddValidatedOptions<CouncilOptions, CouncilOptionsValidator>(CouncilOptions.Section);
        services.AddOptions<CouncilOptions>().Configure<IConfiguration>((o, c) => o.BodyFiles = CouncilOptions.BodyFilesFrom(c));

        var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        var sandbox = telegram.IsSandbox;

        // 1. The database, migrated before anything reads it.
        builder.AddCoordBotPersistence();
        builder.AddCoordBotScheduling();

        // 2. The Telegram connection: real Telegram, another server, or the sandbox emulator.
        BotConnection.AddTelegramHttpClient(services);
        services.AddSingleton(sp =>
        {
            var connection = new BotConnection(sp.GetRequiredService<IHttpClientFactory>());
            if (!sandbox)
            {
                connection.Configure(telegram.BotToken!, telegram.BaseUrl);
            }

            return connection;
        });
        if (sandbox)
        {
            builder.AddCoordBotSandbox();
        }

        services.AddSingleton<BotIdentity>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxGroupCommit>();
        services.AddSingleton<GuideRunner>();
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<IBotSender, TelegramBotSender>();
        services.AddSingleton<OutboxReader>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<DeliveryStatus>();
        services.AddSingleton<IChatLifecycle, Features.Lifecycle.ChatLifecycle>();
        // Telegram's limits run on real time, even when a test runs the bot on a fake clock.
        services.TryAddSingleton(DeliveryClock.System);

        // 3. Features.
        services.AddWelcome();
        services.AddDelegations();
        services.AddSessions();
        services.AddAgenda();
        services.AddDrafts();
        services.AddVoting();
        services.AddDashboard();
        services.AddBodies();

        // 4. Talking to Telegram: identity and menu first, then receiving, handling and sending.
        services.AddSingleton<CommandMenuPublisher>();
        services.AddHostedService<BotStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandMenuPublisher>());
        if (telegram.ReceiveModeOrDefault() == ReceiveMode.Webhook)
        {
            services.AddSingleton<IWebEndpoints, WebhookEndpoint>();
        }
        else
        {
            services.AddHostedService<PollingReceiver>();
        }

        services.AddSingleton<InboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxDispatcher>());
        services.AddSingleton<DeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryService>());
        builder.AddOperations();

        // 5. The webhook and the operations endpoints, on one web host.
        if (services.Any(d => d.ServiceType == typeof(IWebEndpoints)))
        {
            services.AddSingleton<BotWebHost>();
            services.AddHostedService(sp => sp.GetRequiredService<BotWebHost>());
        }

        return builder;
    }

    internal static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private static ReceiveMode ReceiveModeOrDefault(this TelegramOptions options) =>
        Enum.TryParse<ReceiveMode>(options.Mode, ignoreCase: true, out var mode) ? mode : ReceiveMode.Polling;
}
