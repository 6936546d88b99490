using CoordBot.Scheduling;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

public static class VotingRegistration
{
    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.AddSingleton<VotingService>();
        services.AddSingleton<VotingText>();
        services.AddSingleton<VoteDeadlines>();
        services.AddSingleton<BallotsInFlight>();
        services.AddScheduledJob<VoteCloseJob>();
        services.AddHostedService<VoteDeadlineReconciler>();
        services.AddCallback<BallotButtonHandler>();
        return services
            .AddCommand<VoteOpenHandler>()
            .AddGuide<VoteOpenGuide>()
            .AddCommand<VoteHandler>()
            .AddCommand<TallyHandler>()
            .AddCommand<RemindHandler>()
            .AddCommand<ExplainHandler>()
            .AddCommand<RecordHandler>()
            .AddCommand<AuditHandler>();
    }
}
