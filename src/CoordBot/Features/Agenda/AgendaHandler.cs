using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda S&lt;n&gt; [page]</c>: the items in order, a button opening each (its speakers and actions).</summary>
internal sealed class AgendaHandler(AgendaText agenda) : Command<AgendaHandler.Arguments>
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("agenda", "/agenda S<n> [page]", "A session's agenda: items, status, penholders, drafts")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/agenda S3",
    };

    public override CommandInfo Info => Declaration;

    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'S'), args.HasMore ? (int)args.Number(1, int.MaxValue) : 1);

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        if (await SessionAccess.FindForAsync(context, Info, args.Session, cancellationToken) is not { } session)
        {
            return;
        }

        var db = context.Update.Db;
        var language = context.Update.Language;
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == session.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var page = ListPage.Of(items, args.Page);
        var buttons = new List<IReadOnlyList<Button>>();
        if (CommandGate.Refusal(SpeakersHandler.Declaration, context.Update) is null)
        {
            buttons.AddRange(page.Entries.Select(i => (IReadOnlyList<Button>)[CommandButton.For($"{i.Label} {Shortened.To(i.Title, 40)}", $"speakers {i.Label}")]));
        }

        if (page.Navigation($"agenda {session.Label}", language) is { Count: > 0 } navigation)
        {
            buttons.Add(navigation);
        }

        context.Update.Reply($"{SessionRendering.Headline(session, language)}\n{await agenda.PageAsync(db, page, language, cancellationToken)}", buttons);
    }

    internal sealed record Arguments(EntityRef Session, int Page);
}
