using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoordBot.PostgreSql.Tests.Processes;

/// <summary>
/// The built bot (<c>CoordBot.dll</c> beside this assembly, as <c>dotnet CoordBot.dll</c> runs it) as a child process
/// with its settings on the command line: its own webhook and operations ports, started, awaited on
/// <c>/health/ready</c>, and killed abruptly (the whole process tree, no graceful stop) when a test says so.
/// Shared with the benchmarks (linked into bench/CoordBot.Benchmarks), so it uses no test framework.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly Process? _orphanGuard;
    private readonly Queue<string> _output = new();
    private readonly HttpClient _operations;
    private int _disposed;

    private BotProcess(string name, Process process, Process? orphanGuard, int webhookPort, int operationsPort)
    {
        Name = name;
        _process = process;
        _orphanGuard = orphanGuard;
        WebhookPort = webhookPort;
        OperationsPort = operationsPort;
        _operations = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{operationsPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The name given at start (also its PostgreSQL <c>Application Name</c> when the caller adds it).</summary>
    public string Name { get; }

    public int WebhookPort { get; }

    public int OperationsPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The built bot that the child runs: the one this process loaded.</summary>
    public static string BotAssembly => typeof(CoordBot.Persistence.CoordBotDb).Assembly.Location;

    /// <summary>
    /// Starts <c>dotnet CoordBot.dll</c> with <paramref name="settings"/> as <c>--Key=Value</c> arguments, plus its
    /// operations endpoint and (in webhook mode) its webhook endpoint on free loopback ports of its own.
    /// </summary>
    public static BotProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var webhookPort = FreePort();
        var operationsPort = FreePort();
        var all = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Operations:Url"] = $"http://127.0.0.1:{operationsPort}",
            ["Telegram:WebhookListenUrl"] = $"http://127.0.0.1:{webhookPort}",
        };

        var bot = BotAssembly;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(bot)!,
        };
        start.ArgumentList.Add(bot);
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var child = new BotProcess(name, process, GuardAgainstOrphan(process.Id), webhookPort, operationsPort);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The webhook endpoint at <paramref name="path"/>.</summary>
    public Uri Webhook(string path) => new($"http://127.0.0.1:{WebhookPort}{path}");

    /// <summary>
    /// Waits until <c>/health/ready</c> answers 200 (asked every 100 ms), failing at once with the child's output
    /// when it exits first, or after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{Output()}");
                }

                if (await IsReadyAsync(deadline.Token))
                {
                    return;
                }

                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output()}");
        }
    }

    /// <summary>True when <c>/health/ready</c> answers 200 now.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _operations.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the probe's own timeout: busy starting
        }
    }

    /// <summary>Kills the child and everything it started, as a power cut would: no stop, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the child wrote (standard output and error), for a failure message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await KillAsync();
        _process.Dispose();
        _operations.Dispose();
        if (_orphanGuard is { HasExited: false })
        {
            _orphanGuard.Kill();
        }

        _orphanGuard?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>
    /// A test runner ends a test process that hangs without running its clean-up, which would leave the bot running
    /// for ever. A detached watcher (its own session, so it survives that) waits for this process to end and then kills
    /// the child; disposing the child ends the watcher too.
    /// </summary>
    private static Process? GuardAgainstOrphan(int childId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var script = string.Create(CultureInfo.InvariantCulture,
            $"exec >/dev/null 2>&1; tail --pid={Environment.ProcessId} -f /dev/null; kill -9 {childId}");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
