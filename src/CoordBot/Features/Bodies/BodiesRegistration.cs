using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Bodies;

public static class BodiesRegistration
{
    public static IServiceCollection AddBodies(this IServiceCollection services)
    {
        services.AddSingleton<UpdateBodies>();
        return services.AddCommand<BodiesHandler>();
    }
}
