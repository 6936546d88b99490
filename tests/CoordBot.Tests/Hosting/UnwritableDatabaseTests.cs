using System.Diagnostics;
using CoordBot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoordBot.Tests.Hosting;

/// <summary>
/// A database the bot cannot create or write stops the start with one line naming the key and the path.
/// Tests run as root, where file modes do not stop writes, so the cases are ones root cannot write either:
/// a folder where the file should be, a file where its folder should be, and SQLite's read-only mode.
/// </summary>
public sealed class UnwritableDatabaseTests : IDisposable
{
    private readonly Support.TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> Cases => ["folder as file", "file as folder", "read-only"];

    private async Task<(string ConnectionString, string Path)> ArrangeAsync(string kind)
    {
        switch (kind)
        {
            case "folder as file":
                var folder = _directory.File("coordbot.db");
                Directory.CreateDirectory(folder);
                return ($"Data Source={folder}", folder);
            case "file as folder":
                File.WriteAllText(_directory.File("data"), "not a folder");
                var below = _directory.File(Path.Combine("data", "coordbot.db"));
                return ($"Data Source={below}", below);
            default:
                // Created and migrated first, so only the read-only mode is in the way.
                var file = _directory.File("readonly.db");
                await CreateMigratedAsync(file);
                return ($"Data Source={file};Mode=ReadOnly", file);
        }
    }

    private static async Task CreateMigratedAsync(string file)
    {
        using var host = BuildHost($"Data Source={file}");
        await host.Services.GetRequiredService<DatabaseMigrator>().EnsureReadyAsync(CancellationToken.None);
    }

    private static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:CoordBot"] = connectionString });
        builder.AddCoordBot();
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_start_stops_with_one_line_naming_the_key_and_the_path(string kind)
    {
        var (connectionString, path) = await ArrangeAsync(kind);
        using var host = BuildHost(connectionString);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.PrepareCoordBotAsync(CancellationToken.None));

        var line = ConfigurationError.Describe(error);
        Assert.NotNull(line);
        Assert.StartsWith("ConnectionStrings:CoordBot ", line, StringComparison.Ordinal);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task An_unwritable_schedule_database_is_named_too()
    {
        var folder = _directory.File("schedule.db");
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoordBot"] = $"Data Source={_directory.File("c.db")}",
            ["Scheduling:ConnectionString"] = $"Data Source={folder}",
        });
        builder.AddCoordBot();
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.PrepareCoordBotAsync(CancellationToken.None));

        var line = ConfigurationError.Describe(error);
        Assert.NotNull(line);
        Assert.StartsWith("Scheduling:ConnectionString ", line, StringComparison.Ordinal);
        Assert.Contains(folder, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_prints_one_line_and_exits_2()
    {
        var (connectionString, path) = await ArrangeAsync("folder as file");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoordBot.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _directory.Path,
        };
        start.Environment["ConnectionStrings__CoordBot"] = connectionString;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coordbot: configuration error: ConnectionStrings:CoordBot ", line, StringComparison.Ordinal);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }
}
