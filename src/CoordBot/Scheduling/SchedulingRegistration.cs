using CoordBot.Persistence;
using CoordBot.Cluster;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CoordBot.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with its schedule in a SQLite file (or, with <c>Database:Provider</c> PostgreSQL, clustered in the
    /// bot's PostgreSQL database), started and stopped with the host, and
    /// <see cref="IJobScheduler"/> for features. Features register their job classes with
    /// <see cref="AddScheduledJob{TJob}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCoordBotScheduling(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The store's kind decides registrations, so it is read now (the database's validator refuses an unknown provider).
        var provider = DatabaseOptions.From(builder.Configuration).Provider;

        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.Provider = provider;
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    var main = configuration.GetConnectionString(SchedulingDatabase.MainConnectionStringName)
                        ?? DatabaseOptions.DefaultConnectionString;
                    options.ConnectionString = SchedulingDatabase.DeriveFromMain(main, provider);
                    options.DerivedFromMain = true;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());

        // Quartz and the features must read one clock, or "due" means two different things.
        services.TryAddSingleton(TimeProvider.System);

        // Quartz's PostgreSQL connections come from one data source the container owns, so they are closed when the host
        // is disposed: Quartz does not dispose what its factory returns, and a pool left behind holds its connections
        // open on the server until their idle lifetime ends.
        services.TryAddSingleton(sp => new SchedulingDataSource(NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.ConnectionString!)));

        services.AddQuartz(quartz => quartz.UsePersistentStore(store =>
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                // Every instance on the database is one cluster: a trigger fires on one of them, and the triggers of
                // an instance that stops checking in are recovered by another. Clustering also gives each instance a
                // generated id (host name and start time), so no two share one.
                store.UsePostgres(dataSource => dataSource.DataSourceFactory = services => services.GetRequiredService<SchedulingDataSource>().Source);
                // Read now, as the provider is: Quartz takes its cluster settings when it is configured. The value is
                // validated with the other Cluster:* keys at start.
                var checkin = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>()?.TimerCheckin ?? new ClusterOptions().TimerCheckin;
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = checkin;
                    cluster.CheckinMisfireThreshold = checkin;
                });
            }
            else
            {
                store.UseSqlite(dataSource => dataSource.DataSourceFactory = services =>
                {
                    // Runs once, before Quartz opens its first connection, whoever asks for the scheduler first.
                    var connectionString = services.GetRequiredService<IOptions<SchedulingOptions>>().Value.ConnectionString!;
                    SchedulingDatabase.Prepare(connectionString);
                    return SqliteFactory.Instance.CreateDataSource(connectionString);
                });
            }

            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.ConfigureStore(jobStore => jobStore.StoreJobDataAsStrings = true);
        }));

        // Quartz's options are read lazily, so settings bound after this call still reach it.
        services.AddOptions<QuartzSchedulerOptions>()
            .Configure<IOptions<SchedulingOptions>>((scheduler, options) => scheduler.InstanceName = options.Value.InstanceName);
        services.AddOptions<AdoJobStoreOptions>()
            .Configure<IOptions<SchedulingOptions>>((store, options) => store.MisfireThreshold = options.Value.MisfireThreshold);

        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.TryAddSingleton<IJobScheduler, QuartzJobScheduler>();
        return builder;
    }

    /// <summary>
    /// Registers a job class scoped, as Quartz resolves it: one scope per firing, so a job may take
    /// scoped services such as a DbContext.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        services.TryAddScoped<TJob>();
        return services;
    }
}

/// <summary>Quartz's PostgreSQL data source, held by the container so that disposing the host closes its connections.</summary>
internal sealed class SchedulingDataSource(NpgsqlDataSource source) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public ValueTask DisposeAsync() => Source.DisposeAsync();

    public void Dispose() => Source.Dispose();
}
