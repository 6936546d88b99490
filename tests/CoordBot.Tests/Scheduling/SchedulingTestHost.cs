using System.Collections.Concurrent;
using CoordBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CoordBot.Tests.Scheduling;

/// <summary>A temporary directory holding the bot's database path, and so the derived Quartz file.</summary>
internal sealed class SchedulingSandbox : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "coordbot-scheduling-" + Guid.NewGuid().ToString("N"));

    /// <summary>Unique per test: Quartz keys every row by it, and a process may hold one scheduler per name.</summary>
    public string InstanceName { get; } = "CoordBotTest-" + Guid.NewGuid().ToString("N");

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));

    /// <summary>Fails a hung test instead of hanging the run.</summary>
    public CancellationToken Timeout => timeout.Token;

    public string MainConnectionString => $"Data Source={Path.Combine(Directory, "coordbot.db")}";

    public string QuartzFile => Path.Combine(Directory, "coordbot.quartz.db");

    /// <param name="ownInstanceName">False leaves <c>Scheduling:InstanceName</c> unset, to see the bot's default (such a host must not start).</param>
    public IHost BuildHost(FiringLog log, TimeProvider? clock = null, IDictionary<string, string?>? settings = null, bool ownInstanceName = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:CoordBot"] = MainConnectionString });
        if (ownInstanceName)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:InstanceName"] = InstanceName });
        }
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateScopes = true,
            ValidateOnBuild = true,
        }));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton(log);
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddScheduledJob<RecordingJob>();
        builder.AddCoordBotScheduling();
        return builder.Build();
    }

    public void Dispose()
    {
        timeout.Dispose();
        // Pooled connections keep the WAL files open; let go of them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test over.
        }
    }
}

/// <summary>What the test job saw, with a signal for the first firing.</summary>
internal sealed class FiringLog
{
    private readonly ConcurrentQueue<Firing> firings = new();
    private readonly TaskCompletionSource<Firing> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TimeSpan SafetyTimeout { get; } = TimeSpan.FromSeconds(30);

    public IReadOnlyCollection<Firing> Firings => firings;

    public Task<Firing> FirstFiring => first.Task.WaitAsync(SafetyTimeout);

    public void Record(Firing firing)
    {
        firings.Enqueue(firing);
        first.TrySetResult(firing);
    }
}

internal sealed record Firing(JobKey Job, IReadOnlyDictionary<string, string> Data, Guid UnitOfWork);

/// <summary>A scoped dependency, standing in for the DbContext a real job takes.</summary>
internal sealed class UnitOfWork
{
    public Guid Id { get; } = Guid.NewGuid();
}

internal sealed class RecordingJob(FiringLog log, UnitOfWork unitOfWork) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap
            .Where(pair => pair.Value is string)
            .ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
        log.Record(new Firing(context.JobDetail.Key, data, unitOfWork.Id));
        return ValueTask.CompletedTask;
    }
}
