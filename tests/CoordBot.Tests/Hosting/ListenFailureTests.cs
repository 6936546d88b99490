using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CoordBot.BotApi;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Hosting;

/// <summary>
/// The built bot, run as a child process: an address it must listen on that is taken stops it at start with one line
/// naming the setting, and exit code 2 (not a stack trace, not a bot running on without its endpoint).
/// </summary>
public sealed class ListenFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("Sandbox:Url")]
    [InlineData("Operations:Url")]
    [InlineData("Telegram:WebhookListenUrl")]
    public async Task A_taken_address_stops_the_bot_with_one_line_naming_its_key_and_exit_code_2(string key)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}");
        await using var telegram = key == "Telegram:WebhookListenUrl" ? await BotApiEmulator.StartAsync(new BotApiEmulatorOptions()) : null;
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:Url"] = "http://127.0.0.1:0",
            ["Operations:Url"] = "",
            [key] = url,
        };
        if (telegram is not null)
        {
            settings["Telegram:BotToken"] = telegram.BotToken;
            settings["Telegram:BaseUrl"] = telegram.BaseUrl.ToString().TrimEnd('/');
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
            settings["Telegram:WebhookSecret"] = "a-secret-of-sufficient-length-1234";
        }

        var (code, stdout, stderr) = await RunBotAsync(settings);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"coordbot: configuration error: {key}: cannot listen on {url} (", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    private ProcessStartInfo Start(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoordBot.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _directory.Path,
        };
        start.Environment["ConnectionStrings__CoordBot"] = $"Data Source={_directory.File("coordbot.db")}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunBotAsync(Dictionary<string, string> settings)
    {
        using var process = Process.Start(Start(settings))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
