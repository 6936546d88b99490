using CoordBot.Localization;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda S&lt;n&gt;</c>: the items in order.</summary>
internal sealed class AgendaHandler(AgendaText agenda) : SessionCommand
{
    public override CommandInfo Info { get; } = new("agenda", "/agenda S<n>", "A session's agenda: items, status, penholders, drafts")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/agenda S3",
    };

    protected override async Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken)
    {
        context.Reply($"{SessionRendering.Headline(session)}\n{await agenda.ForSessionAsync(context.Update.Db, session.Id, cancellationToken, context.Update.Language)}");
    }
}
