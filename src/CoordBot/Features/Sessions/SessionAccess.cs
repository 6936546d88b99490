using CoordBot.Domain.Membership;
using CoordBot.Domain.Sessions;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>
/// Who sees and who runs a session. Members of delegations (head, deputy, adviser) see every session;
/// observers and briefers are invited to Arria-formula meetings only, so they see those and nothing else.
/// A session is run by the chair, or, for an Arria-formula meeting, also by its convening delegation's head or deputy.
/// </summary>
public static class SessionAccess
{
    /// <summary><see cref="Permissions.MaySeeSession"/> for this session.</summary>
    public static bool CanSee(Session session, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        return Permissions.MaySeeSession(actor, session.Format).IsAllowed;
    }

    /// <summary><see cref="Permissions.MayManageSession"/> for this session.</summary>
    public static bool MayManage(Session session, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        return Permissions.MayManageSession(actor, actor.PresidentCode, session.Format, session.ConvenorCode).IsAllowed;
    }

    /// <summary>Whether answers, agenda changes and cancelling still make sense: not cancelled, not over.</summary>
    public static bool IsOpen(Session session, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.CancelledAt is null && session.EndUtc > nowUtc;
    }

    /// <summary>Whether the session may still be moved: not cancelled, not started.</summary>
    public static bool IsMovable(Session session, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.CancelledAt is null && session.StartUtc > nowUtc;
    }

    public static string WhoManages(Session session, string language = Localization.Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Format == SessionFormat.Arria && session.ConvenorCode is not null
            ? Localization.Catalogue.Format(language, "Sessions.WhoManages.Convenor", session.ConvenorCode)
            : Localization.Catalogue.Text(language, "Sessions.WhoManages.Chair");
    }

    /// <summary>The session with <paramref name="id"/> if the actor may see it; an invisible session is missing, like one that does not exist.</summary>
    public static async Task<Session?> FindVisibleAsync(CoordBotDb db, Actor actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is not null && CanSee(session, actor) ? session : null;
    }

    /// <summary>
    /// The session a command names, or null after the reply that says why (not an id; no such session). An
    /// invisible session is reported exactly like a missing one.
    /// </summary>
    internal static async Task<Session?> FindForAsync(CommandContext context, CommandInfo info, EntityRef id, CancellationToken cancellationToken)
    {
        if (id.Malformed is { } word)
        {
            context.Reply(SessionsText.NotASessionId(word, info, context.Update.Language));
            return null;
        }

        var session = await FindVisibleAsync(context.Update.Db, context.Actor, id.Id, cancellationToken);
        if (session is null)
        {
            context.Reply(SessionsText.NoSuchSession(id.Id, context.Update.Language));
        }

        return session;
    }
}
