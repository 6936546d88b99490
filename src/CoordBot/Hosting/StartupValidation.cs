using CoordBot.Council;
using Microsoft.Extensions.Options;

namespace CoordBot;

public static class StartupValidation
{
    /// <summary>
    /// Checks every setting and reads the council file before anything starts, so a wrong value
    /// stops the bot with one clear line (thrown as <see cref="OptionsValidationException"/> or
    /// <see cref="ConfigurationException"/>) instead of a half-started host and a stack trace.
    /// </summary>
    public static void ValidateCoordBotConfiguration(this IHost host)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        var council = host.Services.GetRequiredService<CouncilProvider>().Council;
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CoordBot")
            .LogInformation("Serving {Council}: {Members} members, {Permanent} permanent", council.Name, council.Members.Count, council.Members.Count(m => m.Permanent));
    }
}
