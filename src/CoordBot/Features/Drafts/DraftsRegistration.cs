using CoordBot.Features.Agenda;
using CoordBot.Features.Voting;
using CoordBot.Scheduling;
using CoordBot.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Drafts;

public static class DraftsRegistration
{
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddSingleton<DraftDesk>();
        services.AddSingleton<DraftButtons>();
        services.AddSingleton<AmendmentOffers>();
        services.AddSingleton<IAgendaDraftLinks, DraftLinks>();
        services.AddSingleton<IVotableDrafts, VotableDrafts>();
        services.AddSingleton<SilenceProcedure>();
        services.AddOptions<SymbolsOptions>().BindConfiguration(SymbolsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SymbolsOptions>, SymbolsOptionsValidator>());
        services.AddSingleton<AdoptedSymbols>();
        services.AddSingleton<IDocumentFetcher, TelegramDocumentFetcher>();
        services.AddScheduledJob<SilenceDeadlineJob>();
        services.AddHostedService<SilenceReconciler>();
        services.AddValidatedOptions<DraftsOptions, DraftsOptionsValidator>(DraftsOptions.Section);
        services.AddSingleton<SilenceWarnings>();
        services.AddScheduledJob<SilenceWarningJob>();
        services.AddHostedService<SilenceWarningReconciler>();
        return services
            .AddCommand<DraftNewHandler>()
            .AddGuide<DraftNewGuide>()
            .AddCommand<DraftsHandler>()
            .AddCommand<DraftHandler>()
            .AddCommand<ReviseHandler>()
            .AddCommand<DiffHandler>()
            .AddCommand<CommentHandler>()
            .AddGuide<CommentGuide>()
            .AddCommand<PrivateCommentHandler>()
            .AddCommand<CommentsHandler>()
            .AddCommand<AmendHandler>()
            .AddGuide<AmendGuide>()
            .AddCommand<AcceptHandler>()
            .AddCommand<RejectHandler>()
            .AddCommand<ApplyHandler>()
            .AddCommand<CoPenholderHandler>()
            .AddCommand<SponsorHandler>()
            .AddCommand<CirculateHandler>()
            .AddCommand<SilenceHandler>()
            .AddGuide<SilenceGuide>()
            .AddCommand<BreakSilenceHandler>()
            .AddGuide<BreakSilenceGuide>()
            .AddCommand<HoldHandler>()
            .AddGuide<HoldGuide>()
            .AddCommand<LiftHandler>()
            .AddCommand<ExtendHandler>()
            .AddCommand<BlueHandler>()
            .AddCommand<WithdrawHandler>()
            .AddCommand<KindHandler>()
            .AddCommand<AdoptHandler>()
            .AddGuide<AdoptGuide>();
    }
}
