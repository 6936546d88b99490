using System.Threading.Channels;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using DelegationRole = CoordBot.Domain.Membership.DelegationRole;

namespace CoordBot.Features.Menus;

/// <summary>
/// Telegram's command menu of one member's private chat and of each linked group, narrowed to the commands
/// their roles admit (the same declarations /help reads). A handler that changes who belongs where asks for a
/// refresh while its change is still uncommitted; the menu is read afterwards from what was committed (the
/// write gate is passed first), so a change rolled back leaves the menu as the data say. Menus are sent outside
/// the outbox: a menu that fails to publish is logged and never fails the command that asked for it.
/// The chair's commands follow the presidency: every menu is published again at start-up (what changed while the bot
/// was down, or a new release's commands), when an operator overrides the current month's presidency, and when a new
/// month (UTC) passes the presidency on by rotation.
/// </summary>
public sealed class PersonalMenus(
    IServiceProvider services,
    UnitOfWork unitOfWork,
    WriteGate gate,
    BotConnection connection,
    PresidencyService presidency,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<PersonalMenus> logger) : BackgroundService
{
    private readonly Channel<Target> _queue = Channel.CreateUnbounded<Target>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private int _pending;
    private TaskCompletionSource _idle = Completed();

    /// <summary>Completes when every refresh asked for so far has been published (or has failed and been logged).</summary>
    public Task Idle
    {
        get
        {
            lock (_lock)
            {
                return _idle.Task;
            }
        }
    }

    /// <summary>Refreshes the menu of <paramref name="userId"/>'s private chat and, if given, of <paramref name="delegationCode"/>'s linked group.</summary>
    public void RefreshPerson(long userId, string? delegationCode = null) => Enqueue(new Target(userId, null, delegationCode));

    /// <summary>Refreshes the menu of a group chat: its delegation's commands if linked, else Telegram's default.</summary>
    public void RefreshGroup(long chatId) => Enqueue(new Target(null, chatId, null));

    /// <summary>Refreshes the menus of every member of <paramref name="delegationCode"/> and of its linked group (its presidency changed).</summary>
    public void RefreshDelegation(string delegationCode) => Enqueue(new Target(null, null, delegationCode, WholeDelegation: true));

    /// <summary>Refreshes every member's, operator's and linked group's menu.</summary>
    public void RefreshEveryone() => Enqueue(new Target(null, null, null, Everyone: true));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RefreshEveryone();
        var rotation = FollowRotationAsync(stoppingToken);
        try
        {
            await foreach (var target in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await PublishAsync(target, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Publishing a command menu failed: {Reason}", connection.Redact(ex.Message));
                }
                finally
                {
                    Done();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: menus not yet published are refreshed by the next change.
        }

        await rotation;
    }

    /// <summary>At the start of each month (UTC) the presidency passes on: the chair's commands move with it.</summary>
    private async Task FollowRotationAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var next = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
                await Task.Delay(next - now, time, stoppingToken);
                RefreshEveryone();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start publishes every menu again.
        }
    }

    private void Enqueue(Target target)
    {
        lock (_lock)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _queue.Writer.TryWrite(target);
    }

    private void Done()
    {
        lock (_lock)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private async Task PublishAsync(Target target, CancellationToken cancellationToken)
    {
        // The change that asked for this commits (or rolls back) before the gate opens: read after it.
        using (await gate.EnterAsync(cancellationToken))
        {
        }

        // Resolved late: the router needs every handler, and handlers ask for refreshes.
        var commands = services.GetRequiredService<UpdateRouter>().Commands;
        var menus = new List<Menu>();
        await using (var db = await unitOfWork.ReadAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var president = await presidency.PresidentCodeAsync(db, now, cancellationToken);
            if (target.Everyone || target.WholeDelegation)
            {
                var members = db.Memberships.AsNoTracking().Where(m => m.EndedAt == null);
                var groups = db.DelegationGroups.AsNoTracking();
                if (target.WholeDelegation)
                {
                    members = members.Where(m => m.DelegationCode == target.DelegationCode);
                    groups = groups.Where(g => g.DelegationCode == target.DelegationCode);
                }

                var users = await members.Select(m => m.UserId).ToListAsync(cancellationToken);
                var people = target.Everyone ? users.Union(options.Value.Operators) : users;
                foreach (var user in people.Distinct().Order())
                {
                    menus.Add(await PersonMenuAsync(db, commands, user, president, cancellationToken));
                }

                foreach (var groupChat in await groups.Select(g => g.ChatId).ToListAsync(cancellationToken))
                {
                    menus.Add(await GroupMenuAsync(db, commands, groupChat, president, cancellationToken));
                }
            }

            if (target.UserId is { } userId)
            {
                menus.Add(await PersonMenuAsync(db, commands, userId, president, cancellationToken));
            }

            var chatId = target.ChatId;
            if (target.DelegationCode is { } code && !target.WholeDelegation)
            {
                chatId ??= await db.DelegationGroups.AsNoTracking().Where(g => g.DelegationCode == code).Select(g => (long?)g.ChatId).FirstOrDefaultAsync(cancellationToken);
            }

            if (chatId is { } chat)
            {
                menus.Add(await GroupMenuAsync(db, commands, chat, president, cancellationToken));
            }
        }

        foreach (var menu in menus)
        {
            try
            {
                await SendAsync(menu, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One chat refusing (a person who blocked the bot) must not keep the others' menus stale.
                logger.LogWarning("Publishing the command menu of one chat failed: {Reason}", connection.Redact(ex.Message));
            }
        }
    }

    private async Task<Menu> PersonMenuAsync(CoordBotDb db, IReadOnlyCollection<ICommandHandler> commands, long userId, string president, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        // Outside any body's scope every body's rows are seen: one membership per body the person sits on.
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.EndedAt == null)
            .OrderBy(m => m.BodyId)
            .Select(m => new { m.BodyId, m.DelegationCode, m.Role })
            .ToListAsync(cancellationToken);
        var isOperator = options.Value.Operators.Contains(userId);
        if (memberships.Count == 0 && !isOperator)
        {
            // Not (or no longer) a member: the menu for every private chat applies again.
            return new Menu(userId, [], null);
        }

        var language = Languages.IsKnown(person?.Language) ? person!.Language : null;
        Actor As(string? code, DelegationRole? role, string presiding) =>
            new(userId, person?.DisplayName ?? string.Empty, isOperator, code, role, person?.TimeZone ?? "UTC", presiding);
        if (memberships.Count == 0)
        {
            return new Menu(userId, CommandMenu.Admitted(commands, privateChat: true, [As(null, null, president)]), language);
        }

        // What each of the person's bodies offers them there, by that body's own declarations (a member of committees only is
        // not offered /blue); the first body's presidency is the one already read.
        var offered = new Dictionary<string, CommandInfo>(StringComparer.Ordinal);
        foreach (var membership in memberships)
        {
            using var there = BodyScope.Enter(membership.BodyId);
            var presiding = membership.BodyId == BodyScope.DefaultId ? president : await presidency.PresidentCodeAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            foreach (var info in CommandMenu.Admitted(commands, privateChat: true, [As(membership.DelegationCode, membership.Role, presiding)]))
            {
                offered.TryAdd(info.Name, info);
            }
        }

        return new Menu(userId, [.. offered.Values.OrderBy(i => i.Name, StringComparer.Ordinal)], language);
    }

    private async Task<Menu> GroupMenuAsync(CoordBotDb db, IReadOnlyCollection<ICommandHandler> commands, long chatId, string president, CancellationToken cancellationToken)
    {
        var link = await db.DelegationGroups.AsNoTracking().FirstOrDefaultAsync(g => g.ChatId == chatId, cancellationToken);
        if (link is null)
        {
            return new Menu(chatId, [], null);
        }

        // A linked group acts in its own body: its members there, by that body's declarations.
        using var there = BodyScope.Enter(link.BodyId);
        if (link.BodyId != BodyScope.DefaultId)
        {
            president = await presidency.PresidentCodeAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        // One menu for the whole group: every command some member of its delegation may run there.
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.DelegationCode == link.DelegationCode && m.EndedAt == null)
            .Select(m => new { m.UserId, m.Role })
            .ToListAsync(cancellationToken);
        var actors = members
            .Select(m => new Actor(m.UserId, string.Empty, options.Value.Operators.Contains(m.UserId), link.DelegationCode, (DelegationRole?)m.Role, "UTC", president, link.DelegationCode))
            .ToList();
        return new Menu(chatId, CommandMenu.Admitted(commands, privateChat: false, actors), Languages.IsKnown(link.Language) ? link.Language : null);
    }

    /// <summary>
    /// One list per official language, as the general menus have (Telegram prefers a chat's list for the
    /// user's app language over its list without one), all in the chosen language when there is one.
    /// </summary>
    private async Task SendAsync(Menu menu, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var scope = new BotCommandScopeChat { ChatId = menu.ChatId };
        foreach (var language in Languages.All)
        {
            var code = language == Languages.English ? null : language;
            if (menu.Commands.Count == 0)
            {
                await client.DeleteMyCommands(scope, code, cancellationToken);
            }
            else
            {
                await client.SetMyCommands(CommandMenu.InLanguage(menu.Commands, menu.Language ?? language), scope, code, cancellationToken);
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed record Target(long? UserId, long? ChatId, string? DelegationCode, bool WholeDelegation = false, bool Everyone = false);

    private sealed record Menu(long ChatId, IReadOnlyList<CommandInfo> Commands, string? Language);
}
