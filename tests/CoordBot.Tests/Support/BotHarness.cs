using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordBot.Tests.Support;

/// <summary>
/// The real bot host (real Telegram.Bot client over HTTP, real SQLite file) against the emulator,
/// both in this process. The host can be stopped and started again on the same database.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const long OperatorId = 1001;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;
    private IHost? _host;
    private Action<IServiceCollection>? _configure;

    private BotHarness(BotApiEmulator emulator, IDictionary<string, string?> extra)
    {
        Emulator = emulator;
        _settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.BotToken,
            ["Telegram:BaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollTimeoutSeconds"] = "2",
            ["ConnectionStrings:CoordBot"] = $"Data Source={_directory.File(DatabaseTemplate.DatabaseFile)}",
            ["Bot:Operators:0"] = OperatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operations:Url"] = "", // many harnesses run at once; a test that needs the endpoint binds port 0
            // Tests close a vote the moment the last delegation votes, as the bot did before the grace; a test of the grace sets its own.
            ["Voting:EarlyCloseGrace"] = "00:00:00",
        };
        foreach (var (key, value) in extra)
        {
            _settings[key] = value;
        }
    }

    public BotApiEmulator Emulator { get; }

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host is not running.");

    public static async Task<BotHarness> StartAsync(IDictionary<string, string?>? settings = null, BotApiEmulatorOptions? emulatorOptions = null, Action<IServiceCollection>? configure = null)
    {
        var emulator = await BotApiEmulator.StartAsync(emulatorOptions ?? new BotApiEmulatorOptions());
        var harness = new BotHarness(emulator, settings ?? new Dictionary<string, string?>());
        await PostgreSql.TestDatabase.UseWhenAskedAsync(harness._settings, settings);
        if (harness.UsesItsOwnFolder)
        {
            await DatabaseTemplate.CopySqliteTo(harness._directory.Path);
        }

        harness._configure = configure;
        await harness.StartHostAsync();
        return harness;
    }

    /// <summary>
    /// True when the host's database and Quartz's are the harness's own SQLite files (the test chose no database, engine
    /// or Quartz store of its own): they start as copies of the migrated template.
    /// </summary>
    private bool UsesItsOwnFolder =>
        _settings["ConnectionStrings:CoordBot"] == $"Data Source={_directory.File(DatabaseTemplate.DatabaseFile)}"
        && !_settings.ContainsKey("Database:Provider")
        && !_settings.ContainsKey("Scheduling:ConnectionString");

    public async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoordBot();
        _configure?.Invoke(builder.Services);
        _host = builder.Build();
        _host.ValidateCoordBotConfiguration();
        await _host.StartAsync();
    }

    public async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    public async Task RestartHostAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    /// <summary>A user writes <paramref name="text"/> in a chat (their private chat when <paramref name="chatId"/> is null).</summary>
    public long Send(long userId, string text, long? chatId = null, string? firstName = null)
    {
        Emulator.RegisterUser(userId, firstName ?? $"User{userId}");
        return Emulator.SendText(chatId ?? userId, userId, text);
    }

    public Task<SentMessage> ReplyAsync(long chatId, Func<SentMessage, bool> predicate) =>
        Emulator.WaitForMessageAsync(chatId, predicate, Patience);

    /// <summary>Sends a command and waits for the next message the bot writes in that chat.</summary>
    public async Task<SentMessage> AskAsync(long userId, string text, long? chatId = null)
    {
        var chat = chatId ?? userId;
        var last = Emulator.MessagesIn(chat).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        Send(userId, text, chatId);
        return await Emulator.WaitForMessageAsync(chat, m => m.MessageId > last, Patience);
    }

    /// <summary>A user sends a file whose caption is a command (their private chat when <paramref name="chatId"/> is null); returns the next message the bot writes in that chat.</summary>
    public async Task<SentMessage> AskWithDocumentAsync(long userId, string fileName, byte[] content, string caption, long? chatId = null)
    {
        var chat = chatId ?? userId;
        var last = LastMessageId(chat);
        Emulator.SendDocument(chat, userId, fileName, content, caption);
        return await NextMessageAsync(chat, last);
    }

    /// <summary>The id of the last message the bot wrote in <paramref name="chatId"/> (0 when none): a mark to wait after.</summary>
    public long LastMessageId(long chatId) => Emulator.MessagesIn(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    /// <summary>The next message the bot writes in <paramref name="chatId"/> after the message <paramref name="afterMessageId"/>.</summary>
    public Task<SentMessage> NextMessageAsync(long chatId, long afterMessageId) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId > afterMessageId, Patience);

    /// <summary>
    /// The first message in <paramref name="chatId"/> after <paramref name="afterMessageId"/> written from the catalogue
    /// entry <paramref name="key"/> in <paramref name="language"/> (see <see cref="CatalogueText"/>): a wait keyed on what
    /// the bot said, not on its English words.
    /// </summary>
    public Task<SentMessage> MessageFromCatalogueAsync(long chatId, string key, string language = "en", long afterMessageId = 0) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId > afterMessageId && CatalogueText.Matches(language, key, m.Text ?? m.Caption), Patience);

    /// <summary>As <see cref="MessageFromCatalogueAsync"/>, for a message that holds the entry among others (an announcement with its details).</summary>
    public Task<SentMessage> MessageWithCatalogueAsync(long chatId, string key, string language = "en", long afterMessageId = 0) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId > afterMessageId && CatalogueText.Contains(language, key, m.Text ?? m.Caption), Patience);

    /// <summary>As <see cref="MessageFromCatalogueAsync"/>, for a message that begins with the entry (a heading followed by details).</summary>
    public Task<SentMessage> MessageStartingWithCatalogueAsync(long chatId, string key, string language = "en", long afterMessageId = 0) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId > afterMessageId && CatalogueText.StartsWith(language, key, m.Text ?? m.Caption), Patience);

    /// <summary>The result of a vote (either heading, procedural or substantive) in <paramref name="chatId"/> after <paramref name="afterMessageId"/>.</summary>
    public Task<SentMessage> VoteResultAsync(long chatId, string language = "en", long afterMessageId = 0) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId > afterMessageId && CatalogueText.IsVoteResult(language, m.Text), Patience);

    /// <summary>The message <paramref name="messageId"/> once an edit has made it match <paramref name="predicate"/> (a summary or a tally updated in place).</summary>
    public Task<SentMessage> EditedAsync(long chatId, long messageId, Func<SentMessage, bool> predicate) =>
        Emulator.WaitForMessageAsync(chatId, m => m.MessageId == messageId && predicate(m), Patience);

    /// <summary>Sends a command and waits for the bot's answer in that chat written from the catalogue entry <paramref name="key"/>.</summary>
    public Task<SentMessage> AskForCatalogueAsync(long userId, string text, string key, long? chatId = null, string language = "en")
    {
        var chat = chatId ?? userId;
        var last = LastMessageId(chat);
        Send(userId, text, chatId);
        return MessageFromCatalogueAsync(chat, key, language, last);
    }

    /// <summary>As <see cref="AskForCatalogueAsync"/>, for an answer that begins with the entry (a heading followed by details).</summary>
    public Task<SentMessage> AskStartingWithCatalogueAsync(long userId, string text, string key, long? chatId = null, string language = "en")
    {
        var chat = chatId ?? userId;
        var last = LastMessageId(chat);
        Send(userId, text, chatId);
        return MessageStartingWithCatalogueAsync(chat, key, language, last);
    }

    /// <summary>As <see cref="AskForCatalogueAsync"/>, for an answer that holds the entry among others.</summary>
    public Task<SentMessage> AskWithCatalogueAsync(long userId, string text, string key, long? chatId = null, string language = "en")
    {
        var chat = chatId ?? userId;
        var last = LastMessageId(chat);
        Send(userId, text, chatId);
        return MessageWithCatalogueAsync(chat, key, language, last);
    }

    /// <summary>
    /// Makes <paramref name="userId"/> a member directly in the database (tests of other features start from a populated
    /// council). A null <paramref name="timeZone"/> leaves the person's zone unset, so a guide asks it once; with
    /// <paramref name="bodyId"/> the seat is in that body (several bodies), otherwise in the body in scope or the first;
    /// <paramref name="language"/> is a language chosen with /language. Seating one person in a second body adds the seat only.
    /// </summary>
    public async Task SeedMemberAsync(long userId, string code, DelegationRole role, string? name = null, string? timeZone = "UTC", int? bodyId = null, string language = "")
    {
        var displayName = name ?? $"User{userId}";
        Emulator.RegisterUser(userId, displayName);
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            if (await db.People.FindAsync([userId], ct) is null)
            {
                var person = new Person { UserId = userId, DisplayName = displayName, Language = language, FirstSeenAt = now, LastSeenAt = now };
                if (timeZone is not null)
                {
                    (person.TimeZone, person.TimeZoneSetAt) = (timeZone, now);
                }

                db.People.Add(person);
            }

            var seat = new Membership { UserId = userId, DelegationCode = code, Role = role, JoinedAt = now, InvitedBy = OperatorId };
            if (bodyId is { } body)
            {
                seat.BodyId = body;
            }

            db.Memberships.Add(seat);
        }, CancellationToken.None);
    }

    /// <summary>
    /// Waits until the bot-wide command menus are published: at start on SQLite, but on PostgreSQL by the elected
    /// publisher once it wins its election, which may come after the first reply. Read the emulator's menus after this.
    /// </summary>
    public Task MenusPublishedAsync() =>
        Services.GetRequiredService<CoordBot.Telegram.CommandMenuPublisher>().Published.WaitAsync(Patience);

    /// <summary>Links a group chat to a delegation directly in the database.</summary>
    public async Task LinkGroupAsync(string code, long chatId)
    {
        Emulator.RegisterGroup(chatId, $"{code} delegation");
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await Services.GetRequiredService<UnitOfWork>().RunAsync((db, ct) =>
        {
            db.DelegationGroups.Add(new DelegationGroup { DelegationCode = code, ChatId = chatId, Title = $"{code} delegation", LinkedBy = OperatorId, LinkedAt = now });
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Emulator.DisposeAsync();
        _directory.Dispose();
        PostgreSql.TestDatabase.Release(_settings);
    }
}
