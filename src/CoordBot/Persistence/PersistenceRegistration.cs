using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// The database and its unit of work, on the engine <c>Database:Provider</c> names (SQLite unless told
    /// otherwise). Nothing touches the disk or the server here: <see cref="DatabaseMigrator"/> does, when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddCoordBotPersistence(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString = DatabaseOptions.ConnectionStringFrom(configuration);
                options.ProviderName = configuration[DatabaseOptions.ProviderKey];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());

        // Registrations differ by engine, so the choice is read now; the validator refuses an unknown name at start.
        var provider = DatabaseOptions.From(builder.Configuration).Provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<ISqlDialect, PostgreSqlDialect>();
        }
        else
        {
            services.AddSingleton<ISqlDialect, SqliteDialect>();
            services.AddSingleton<SqlitePragmas>();
        }

        services.AddDbContextFactory<CoordBotDb, CoordBotDbFactory>((sp, options) =>
        {
            sp.GetRequiredService<ISqlDialect>().Configure(options, sp);
            // Finds the migrations without loading every type of the bot, the emulator's with them (ModelTypes).
            options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, MetadataMigrationsAssembly>();
        });
        services.AddSingleton<WriteGate>();
        services.AddSingleton<UnitOfWork>();
        services.AddOptions<Cluster.ClusterOptions>().BindConfiguration(Cluster.ClusterOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Cluster.ClusterOptions>, Cluster.ClusterOptionsValidator>());
        services.AddSingleton<Cluster.LeaderElection>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Several instances may share this database: they tell each other about stored updates and outbox rows.
            services.AddHostedService<Cluster.ClusterSignals>();
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        if (provider == DatabaseProvider.Sqlite)
        {
            // PostgreSQL checkpoints on its own; this exists only to keep SQLite's commits short.
            services.AddHostedService<WalCheckpointer>();
        }

        return builder;
    }
}
