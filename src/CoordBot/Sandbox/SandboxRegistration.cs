using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordBot.Sandbox;

public static class SandboxRegistration
{
    /// <summary>
    /// Sandbox mode (no token): the bundled emulator and its page, an operator for the newcomer, the demo council,
    /// and a clock the page can move forward. Call after the clock the rest of the bot uses is registered.
    /// </summary>
    public static IHostApplicationBuilder AddCoordBotSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // The emulator, Quartz and every feature read this one clock, so moving it moves "now" for all of them.
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider));
        var offsetFile = SandboxFiles.Beside(builder.Configuration, "sandbox-clock");
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(sp => new SandboxClock(Inner(sp, registered), offsetFile));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SandboxClock>());

        services.PostConfigure<BotOptions>(o =>
        {
            var operatorId = builder.Configuration.GetValue<long?>($"{SandboxOptions.Section}:OperatorId") ?? new SandboxOptions().OperatorId;
            if (!o.Operators.Contains(operatorId))
            {
                o.Operators.Add(operatorId);
            }
        });
        services.AddSingleton<DemoCouncil>();
        services.AddSingleton<CouncilDay>();
        services.AddSingleton<SandboxEmulatorHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxEmulatorHost>());
        return builder;
    }

    private static TimeProvider Inner(IServiceProvider services, ServiceDescriptor? registered) => registered switch
    {
        { ImplementationInstance: TimeProvider instance } => instance,
        { ImplementationFactory: { } factory } => (TimeProvider)factory(services),
        { ImplementationType: { } type } => (TimeProvider)ActivatorUtilities.CreateInstance(services, type),
        _ => TimeProvider.System,
    };
}
