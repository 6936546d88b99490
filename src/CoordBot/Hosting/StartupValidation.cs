using CoordBot.Council;
using CoordBot.Persistence;
using CoordBot.Scheduling;
using Microsoft.Extensions.Options;

namespace CoordBot;

public static class StartupValidation
{
    /// <summary>
    /// Checks every setting (each options class has a validator and ValidateOnStart) before anything
    /// starts; a wrong value throws <see cref="OptionsValidationException"/> naming its key.
    /// </summary>
    public static void ValidateCoordBotConfiguration(this IHost host)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        var council = host.Services.GetRequiredService<CouncilProvider>().Council;
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CoordBot")
            .LogInformation("Serving {Council}: {Members} members, {Permanent} permanent", council.Name, council.Members.Count, council.Members.Count(m => m.Permanent));
    }

    /// <summary>
    /// The settings, then the databases (created, migrated, proved writable), before the host starts:
    /// either failure throws with one line naming its key, which <c>Program</c> prints.
    /// </summary>
    public static async Task PrepareCoordBotAsync(this IHost host, CancellationToken cancellationToken)
    {
        host.ValidateCoordBotConfiguration();
        await host.Services.GetRequiredService<DatabaseMigrator>().EnsureReadyAsync(cancellationToken);
        SchedulingDatabase.Prepare(host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value);
    }
}
