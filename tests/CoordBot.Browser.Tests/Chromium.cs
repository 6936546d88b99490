using Microsoft.Playwright;

namespace CoordBot.Browser.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright: browsers cannot be downloaded here, so Playwright is pointed at the
/// system's. Without it the browser tests are reported as skipped (and .ci/run fails on any skipped test).
/// </summary>
internal static class Chromium
{
    /// <summary>Debian's Chromium, or another build named by <c>CHROMIUM_PATH</c>.</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? MissingReason =>
        File.Exists(ExecutablePath) ? null : $"{ExecutablePath} is missing: install it with `apt-get install -y chromium` to run the browser tests.";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", .. extraArgs],
        });
        return (playwright, browser);
    }

    /// <summary>The repository's TestResults/ directory, where artefacts such as the screenshot are kept.</summary>
    public static string ArtefactPath(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        var results = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return Path.Combine(results, fileName);
    }
}
