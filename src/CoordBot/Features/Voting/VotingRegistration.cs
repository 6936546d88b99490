using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CoordBot.Scheduling;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

public static class VotingRegistration
{
    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.AddOptions<VotingOptions>().BindConfiguration(VotingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VotingOptions>, VotingOptionsValidator>());
        services.AddSingleton<VotingService>();
        services.AddSingleton<VotingText>();
        services.AddSingleton<VoterNotices>();
        services.AddSingleton<VotingDelivery>();
        services.AddSingleton<VoteDeadlines>();
        services.AddSingleton<BallotsInFlight>();
        services.AddScheduledJob<VoteCloseJob>();
        services.AddHostedService<VoteDeadlineReconciler>();
        services.AddSingleton<ClosingReminders>();
        services.AddScheduledJob<ClosingReminderJob>();
        services.AddHostedService<ClosingReminderReconciler>();
        services.AddCallback<BallotButtonHandler>();
        services.AddCallback<VoteCloseButtonHandler>();
        return services
            .AddCommand<VoteOpenHandler>()
            .AddGuide<VoteOpenGuide>()
            .AddGuide<VoteGuide>()
            .AddCommand<VoteHandler>()
            .AddCommand<TallyHandler>()
            .AddCommand<RemindHandler>()
            .AddCommand<ExplainHandler>()
            .AddCommand<RecordHandler>()
            .AddCommand<AuditHandler>();
    }
}
