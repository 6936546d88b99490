using System.Diagnostics;
using CoordBot.BotApi;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Hosting;

/// <summary>
/// The built bot as <c>dotnet CoordBot.dll</c> runs it, in a child process: with a real token it never loads the
/// emulator (<c>CoordBot.BotApi.dll</c> is not among the files the process has mapped, which Linux lists in
/// <c>/proc/&lt;pid&gt;/maps</c>); without one, running the sandbox, it does, which shows the check can see it.
/// </summary>
public sealed class ProductionPathTests : IDisposable
{
    private const string Emulator = "CoordBot.BotApi.dll";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task With_a_token_the_bot_runs_without_loading_the_emulator()
    {
        await using var telegram = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var bot = Start(new Dictionary<string, string>
        {
            ["Telegram:BotToken"] = telegram.BotToken,
            ["Telegram:BaseUrl"] = telegram.BaseUrl.ToString().TrimEnd('/'),
        }, output.Enqueue);
        try
        {
            telegram.RegisterUser(42, "Kaja");
            telegram.SendText(42, 42, "/start");
            // An answer: the bot has started, received, handled and sent, the whole production path.
            var answered = await Task.WhenAny(telegram.WaitForMessageAsync(42, _ => true, TimeSpan.FromMinutes(1)), bot.WaitForExitAsync());
            Assert.False(bot.HasExited, string.Join('\n', output));
            await answered;

            Assert.DoesNotContain(Emulator, await MappedFilesAsync(bot), StringComparison.Ordinal);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Without_a_token_the_sandbox_loads_the_emulator()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var bot = Start(new Dictionary<string, string> { ["Sandbox:Url"] = "http://127.0.0.1:0" }, line =>
        {
            if (line.Contains("running the SANDBOX", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        });
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Contains(Emulator, await MappedFilesAsync(bot), StringComparison.Ordinal);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
        }
    }

    private static Task<string> MappedFilesAsync(Process process) =>
        File.ReadAllTextAsync($"/proc/{process.Id}/maps");

    private Process Start(Dictionary<string, string> settings, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoordBot.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _directory.Path,
        };
        start.Environment["ConnectionStrings__CoordBot"] = $"Data Source={_directory.File("coordbot.db")}";
        start.Environment["Operations__Url"] = "";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => onLine?.Invoke(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => onLine?.Invoke(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
