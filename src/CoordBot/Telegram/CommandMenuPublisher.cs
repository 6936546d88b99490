using CoordBot.Persistence;
using CoordBot.Cluster;
using CoordBot.Telegram.Routing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CoordBot.Telegram;

/// <summary>
/// Publishes the bot-wide command menus: the English menu for every language Telegram has no list for, and one list
/// per other official language, which Telegram shows to users whose app speaks it (language_code). One process
/// (SQLite) publishes them at start; in a cluster only the elected publisher (<see cref="Leadership.Menus"/>) does, once
/// per term, after checking its term: the menus are bot-wide, so N instances starting need not send them N times.
/// </summary>
public sealed class CommandMenuPublisher(
    BotConnection connection,
    UpdateRouter router,
    LeaderElection election,
    ISqlDialect dialect,
    UnitOfWork unitOfWork,
    ILogger<CommandMenuPublisher> logger) : BackgroundService
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once this instance has published the menus (its first publication): at start on SQLite, when it wins the
    /// publisher's election in a cluster. Never completes on an instance that does not hold the role.
    /// </summary>
    public Task Published => _published.Task;

    /// <summary>True when one process owns the bot (SQLite): it publishes at start, before updates are handled.</summary>
    public bool PublishesAtStart => dialect.Provider != DatabaseProvider.PostgreSql;

    /// <summary>Each language on its own: one failing language leaves the others published.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var client = connection.Client;
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

        _published.TrySetResult();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PublishesAtStart ? Task.CompletedTask : election.LeadAsync(Leadership.Menus, PublishForTermAsync, stoppingToken);

    /// <summary>One term as the publisher: publish once (if the term still holds), then keep the role until it ends.</summary>
    private async Task PublishForTermAsync(CancellationToken term)
    {
        if (election.FenceOf(Leadership.Menus) is { } fence)
        {
            try
            {
                await unitOfWork.RunAsync((db, ct) => fence.CheckAsync(db, ct), term);
            }
            catch (TermSupersededException ex)
            {
                election.Superseded(ex.Fence);
                return;
            }
        }

        await PublishAsync(term);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = term.Register(() => ended.TrySetResult());
        await ended.Task;
    }

    private IEnumerable<BotCommand> Menu(bool? privateChats, string language) =>
        CommandMenu.InLanguage(CommandMenu.For(router.Commands, privateChats), language);
}
