using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordBot.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// The database and its unit of work. Nothing touches the disk here: the file's folder is created
    /// and the file checked by <see cref="DatabaseMigrator"/> when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddCoordBotPersistence(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = DatabaseOptions.ConnectionStringFrom(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddSingleton<SqlitePragmas>();
        services.AddDbContextFactory<CoordBotDb>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.RuntimeConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddSingleton<WriteGate>();
        services.AddSingleton<UnitOfWork>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        services.AddHostedService<WalCheckpointer>();
        return builder;
    }
}
