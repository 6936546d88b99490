using CoordBot.Council;
using CoordBot.Domain.Presidency;
using CoordBot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CoordBot.Browser.Tests;

/// <summary>
/// The bot as `dotnet run` starts it without a token (the sandbox: emulator, page, real SQLite, real Quartz, the
/// sandbox clock), on a free port and a temporary data directory, and one Chromium for the class.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordbot-browser-" + Guid.NewGuid().ToString("N"));
    private IHost? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri PageUrl { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={Path.Combine(_directory, "coordbot.db")}",
            ["Sandbox:Url"] = "http://127.0.0.1:0",
            // Two sandboxes may run at once (one per test class); a taken operations port now stops the bot at start.
            ["Operations:Url"] = string.Empty,
            ["Telegram:PollTimeoutSeconds"] = "2",
            ["Sandbox:CouncilDayPace"] = "00:00:00",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoordBot();
        _host = builder.Build();
        _host.ValidateCoordBotConfiguration();
        await _host.StartAsync();
        PageUrl = _host.Services.GetRequiredService<SandboxEmulatorHost>().Emulator.BaseUrl;
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1500, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        await page.GotoAsync(PageUrl.ToString());
        return page;
    }

    /// <summary>Where the demo council puts the head and the group of a delegation, and who chairs this month.</summary>
    public (string ChairCode, Func<string, long> HeadOf, Func<string, long> GroupOf, IReadOnlyList<string> Linked) DemoLayout()
    {
        var council = Services.GetRequiredService<CouncilProvider>().Council;
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rotation = PresidencyRotation.For(council);
        var linked = new[] { now, now.AddMonths(1), now.AddMonths(2) }.Select(d => rotation.PresidentFor(d.Year, d.Month)).Distinct().ToList();
        int Position(string code) => council.Members.Select((m, i) => (m.Code, i)).First(p => p.Code == code).i + 1;
        return (linked[0], code => DemoCouncil.HeadIdOf(Position(code)), code => DemoCouncil.GroupIdOf(Position(code)), linked);
    }

    public string NameOf(string code) => Services.GetRequiredService<CouncilProvider>().Council.NameOf(code);

    public IReadOnlyList<string> Codes => Services.GetRequiredService<CouncilProvider>().Council.Members.Select(m => m.Code).ToList();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
