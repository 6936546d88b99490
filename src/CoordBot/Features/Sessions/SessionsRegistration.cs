using CoordBot.Features.Agenda;
using CoordBot.Scheduling;
using CoordBot.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Sessions;

public static class SessionsRegistration
{
    /// <summary>Sessions, their reminders (Quartz) and the start-up reconciler. Add after scheduling, so the reconciler starts after Quartz.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionsOptions>().BindConfiguration(SessionsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionsOptions>, SessionsOptionsValidator>());
        services.TryAddSingleton<AgendaText>();
        services.AddSingleton<SessionRendering>();
        services.AddSingleton<SessionNotifier>();
        services.AddSingleton<SessionReminders>();
        services.AddSingleton<Attendance>();
        services.AddSingleton<SessionsText>();
        services.AddSingleton<AttendanceNotice>();
        services.AddScheduledJob<SessionReminderJob>();
        services.AddScheduledJob<StartingNoticeJob>();
        services.AddHostedService<SessionReminderReconciler>();
        return services
            .AddCommand<ScheduleHandler>()
            .AddGuide<ScheduleGuide>()
            .AddCommand<SessionsHandler>()
            .AddCommand<SessionHandler>()
            .AddCommand<RescheduleHandler>()
            .AddGuide<RescheduleGuide>()
            .AddCommand<CancelHandler>()
            .AddCommand<AttendHandler>()
            .AddCommand<IcsHandler>()
            .AddCommand<MeetingLinkHandler>()
            .AddCallback<AttendCallbackHandler>();
    }
}
