using CoordBot.Features.Menus;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Welcome;

public static class WelcomeRegistration
{
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.AddSingleton<PersonalMenus>();
        services.AddHostedService(sp => sp.GetRequiredService<PersonalMenus>());
        return services
            .AddCommand<StartHandler>()
            .AddCommand<HelpHandler>();
    }
}
