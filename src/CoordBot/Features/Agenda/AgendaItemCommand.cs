using CoordBot.Features.Sessions;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary>
/// A declared command whose one argument is an agenda item id (<c>A7</c> or <c>7</c>): the item (tracked) and its
/// session are looked up, or the answer says why not, before the command's work.
/// </summary>
internal abstract class AgendaItemCommand : Command<EntityRef>
{
    protected sealed override EntityRef Parse(ArgReader args) => EntityRef.Read(args, 'A');

    protected sealed override async Task ExecuteAsync(CommandContext context, EntityRef args, CancellationToken cancellationToken)
    {
        if (await AgendaAccess.FindItemAsync(context, Info, args, cancellationToken) is var (item, session))
        {
            await ExecuteAsync(context, item, session, cancellationToken);
        }
    }

    protected abstract Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken);
}
