using CoordBot.Council;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

public static class DelegationsRegistration
{
    public static IServiceCollection AddDelegations(this IServiceCollection services)
    {
        services.AddOptions<CouncilOptions>().BindConfiguration(CouncilOptions.Section);
        services.AddSingleton<CouncilProvider>();
        services.AddSingleton<PresidencyService>();
        services.AddSingleton<InvitationRedeemer>();
        services.AddSingleton<JoinReplies>();
        services.AddSingleton<DelegationsText>();
        services.AddSingleton<DelegationMessenger>();
        services.AddSingleton<IActorResolver, MembershipActorResolver>();
        services.AddCallback<LanguageButtonHandler>();
        return services
            .AddCommand<JoinHandler>()
            .AddCommand<InviteHandler>()
            .AddGuide<InviteGuide>()
            .AddCommand<MeHandler>()
            .AddCommand<DelegationsHandler>()
            .AddCommand<DelegationHandler>()
            .AddCommand<RemoveHandler>()
            .AddCommand<LinkGroupHandler>()
            .AddCommand<TimezoneHandler>()
            .AddGuide<TimezoneGuide>()
            .AddCommand<LanguageHandler>()
            .AddCommand<PresidencyHandler>()
            .AddCommand<SetPresidentHandler>();
    }
}
