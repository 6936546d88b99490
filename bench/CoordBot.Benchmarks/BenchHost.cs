using CoordBot.BotApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordBot.Benchmarks;

/// <summary>The real bot host on a fresh SQLite file against an in-process emulator (as in the end-to-end tests).</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordbot-bench-" + Guid.NewGuid().ToString("N"));
    private IHost? _host;

    private BenchHost(BotApiEmulator emulator) => Emulator = emulator;

    public BotApiEmulator Emulator { get; }

    public IServiceProvider Services => _host!.Services;

    public static async Task<BenchHost> StartAsync(BotApiEmulatorOptions emulatorOptions, IDictionary<string, string?> settings)
    {
        var emulator = await BotApiEmulator.StartAsync(emulatorOptions);
        var bench = new BenchHost(emulator);
        Directory.CreateDirectory(bench._directory);
        var all = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = emulator.BotToken,
            ["Telegram:BaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["ConnectionStrings:CoordBot"] = $"Data Source={Path.Combine(bench._directory, "coordbot.db")}",
            ["Bot:Operators:0"] = "1001",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.AddCoordBot();
        bench._host = builder.Build();
        bench._host.ValidateCoordBotConfiguration();
        await bench._host.StartAsync();
        return bench;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
