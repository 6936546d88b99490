using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

public static class WelcomeRegistration
{
    public static IServiceCollection AddWelcome(this IServiceCollection services) => services
        .AddCommand<StartHandler>()
        .AddCommand<HelpHandler>();
}
