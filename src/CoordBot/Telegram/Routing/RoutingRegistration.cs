namespace CoordBot.Telegram.Routing;

public static class RoutingRegistration
{
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler =>
        services.AddSingleton<ICommandHandler, THandler>();

    public static IServiceCollection AddCallback<THandler>(this IServiceCollection services)
        where THandler : class, ICallbackHandler =>
        services.AddSingleton<ICallbackHandler, THandler>();
}
