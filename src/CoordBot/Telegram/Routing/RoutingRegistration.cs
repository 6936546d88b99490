namespace CoordBot.Telegram.Routing;

public static class RoutingRegistration
{
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler =>
        services.AddSingleton<ICommandHandler, THandler>();

    public static IServiceCollection AddCallback<THandler>(this IServiceCollection services)
        where THandler : class, ICallbackHandler =>
        services.AddSingleton<ICallbackHandler, THandler>();

    /// <summary>Gives a command its guided form (the command sent bare asks for each argument).</summary>
    public static IServiceCollection AddGuide<TGuide>(this IServiceCollection services)
        where TGuide : Guides.Guide =>
        services.AddSingleton<Guides.Guide, TGuide>();
}
