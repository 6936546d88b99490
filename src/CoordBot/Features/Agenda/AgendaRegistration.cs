using CoordBot.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordBot.Features.Agenda;

public static class AgendaRegistration
{
    /// <summary>Agenda items and speakers lists. The drafts feature provides <see cref="IAgendaDraftLinks"/>.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services)
    {
        services.TryAddSingleton<AgendaText>();
        services.TryAddSingleton<AgendaNotices>();
        services.TryAddSingleton<SpeakerListChange>();
        services.TryAddSingleton<SpeakersView>();
        return services
            .AddCommand<AgendaHandler>()
            .AddCommand<AgendaAddHandler>()
            .AddGuide<AgendaAddGuide>()
            .AddCommand<AgendaMoveHandler>()
            .AddCommand<AgendaStatusHandler>()
            .AddCommand<PenholderHandler>()
            .AddCommand<SpeakHandler>()
            .AddCommand<SpeakersHandler>()
            .AddCommand<NextSpeakerHandler>()
            .AddCommand<WithdrawSpeakerHandler>();
    }
}
