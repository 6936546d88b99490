using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary>
/// A declared command whose one argument is a session id (<c>S3</c> or <c>3</c>): the session is looked up, or the
/// answer says why not (not an id; no such session, or one the person may not see), before the command's work.
/// </summary>
internal abstract class SessionCommand : Command<EntityRef>
{
    protected sealed override EntityRef Parse(ArgReader args) => EntityRef.Read(args, 'S');

    protected sealed override async Task ExecuteAsync(CommandContext context, EntityRef args, CancellationToken cancellationToken)
    {
        if (await SessionAccess.FindForAsync(context, Info, args, cancellationToken) is { } session)
        {
            await ExecuteAsync(context, session, cancellationToken);
        }
    }

    protected abstract Task ExecuteAsync(CommandContext context, Session session, CancellationToken cancellationToken);
}
