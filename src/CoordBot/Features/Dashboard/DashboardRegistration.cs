using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Dashboard;

public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<Dashboard>();
        return services.AddCommand<TodayHandler>();
    }
}
