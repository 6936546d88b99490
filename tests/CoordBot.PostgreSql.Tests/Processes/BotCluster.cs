using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoordBot.BotApi;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordBot.PostgreSql.Tests.Processes;

/// <summary>
/// Several built bots (<see cref="BotProcess"/>) on one PostgreSQL database against one emulator in this process, as a
/// deployment behind a load balancer runs them: the same settings, each its own ports. Posts updates to a chosen
/// instance's webhook as Telegram would, and reads the shared database. Shared with the benchmarks (no test framework).
/// </summary>
public sealed class BotCluster(BotApiEmulator emulator, string connectionString, IReadOnlyDictionary<string, string>? extra = null) : IAsyncDisposable
{
    public const long OperatorId = 1001;
    public const string WebhookPath = "/telegram/webhook";
    public const string Secret = "s3cret-token-for-cluster-tests_0123456789";

    /// <summary>How long a child may take to start on a busy machine.</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    /// <summary>The advisory lock class of every CoordBot role ("CoBo"), and the poller's and sender's keys (see the bot's <c>Leadership</c>).</summary>
    private const int LockClass = 0x436F_426F;
    private const int PollerKey = 2;
    private const int SenderKey = 3;

    private static long _nextUpdateId = 500_000_000;
    private readonly List<BotProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public BotApiEmulator Emulator { get; } = emulator;

    /// <summary>A PostgreSQL connection string, or a SQLite one (<c>Data Source=file</c>) for a single instance on SQLite.</summary>
    public string ConnectionString { get; } = connectionString;

    private bool IsSqlite => ConnectionString.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts an instance in <paramref name="mode"/> (<c>Webhook</c> or <c>Polling</c>); it is not awaited (<see cref="BotProcess.WaitUntilReadyAsync"/>).</summary>
    public BotProcess Start(string name, string mode = "Webhook")
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Telegram:BotToken"] = Emulator.BotToken,
            ["Telegram:BaseUrl"] = Emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookUrl"] = "https://bot.example.org" + WebhookPath,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:PollTimeoutSeconds"] = "2",
            ["Bot:Operators:0"] = OperatorId.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CoordBot"] = "Information",
        };
        if (IsSqlite)
        {
            // One process only: SQLite is the single-instance store, measured beside PostgreSQL.
            settings["ConnectionStrings:CoordBot"] = ConnectionString;
        }
        else
        {
            settings["Database:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:CoordBot"] = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = name }.ConnectionString;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = BotProcess.Start(name, settings);
        _processes.Add(process);
        return process;
    }

    /// <summary>Starts an instance and waits until it is ready.</summary>
    public async Task<BotProcess> StartReadyAsync(string name, string mode = "Webhook")
    {
        var process = Start(name, mode);
        await process.WaitUntilReadyAsync(StartPatience);
        return process;
    }

    public static long NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    /// <summary>A text message from a user in their private chat, as Telegram posts it to a webhook.</summary>
    public static string Message(long userId, string text, long updateId)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"User{userId}");
        return new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = (int)(updateId % 1_000_000),
                ["date"] = 1_790_000_000,
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = name },
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = name },
                ["text"] = text,
            },
        }.ToJsonString();
    }

    /// <summary>Posts an update to <paramref name="instance"/>'s webhook: true on 200, false when refused or unreachable (Telegram would retry).</summary>
    public async Task<bool> PostAsync(BotProcess instance, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var request = new HttpRequestMessage(HttpMethod.Post, instance.Webhook(WebhookPath))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Posts until one of <paramref name="instances"/> accepts it, in order, as Telegram retries a webhook.</summary>
    public async Task PostUntilAcceptedAsync(IEnumerable<BotProcess> instances, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        foreach (var instance in instances)
        {
            if (await PostAsync(instance, json, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"No instance accepted {json}");
    }

    /// <summary>A context on the shared database (the bot's own model), for reading what the instances wrote.</summary>
    public CoordBotDb Database() => new PostgreSqlCoordBotDb(new DbContextOptionsBuilder().UseNpgsql(ConnectionString).Options);

    /// <summary>True when some instance holds the poller's advisory lock on this database.</summary>
    public Task<bool> PollerElectedAsync(CancellationToken cancellationToken = default) => ElectedAsync(PollerKey, cancellationToken);

    /// <summary>True when some instance holds the sender's advisory lock on this database.</summary>
    public Task<bool> SenderElectedAsync(CancellationToken cancellationToken = default) => ElectedAsync(SenderKey, cancellationToken);

    private async Task<bool> ElectedAsync(int role, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid = @class::oid AND objid = @key::oid AND objsubid = 2
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;
        command.Parameters.AddWithValue("class", (long)LockClass);
        command.Parameters.AddWithValue("key", (long)role);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>Waits, asking every 100 ms, until <paramref name="condition"/> holds; a timeout says <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (!await condition())
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not within {timeout}: {what}");
        }
    }

    /// <summary>The last output of every instance, for a failure message.</summary>
    public string Output() => string.Join('\n', _processes.Select(p => p.Output()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _processes.Clear();

        _http.Dispose();
    }
}
