using CoordBot.Domain.Membership;
using Actor = CoordBot.Telegram.Routing.Actor;
using CoordBot.Domain.Sessions;
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
    public static bool CanSee(Session session, Actor actor) =>
        actor.IsOperator
        || (actor.IsMember && (actor.Role != DelegationRole.Observer || SessionFormats.AdmitsObservers(session.Format)));

    public static bool MayManage(Session session, Actor actor) =>
        actor.IsChair
        || (session.Format == SessionFormat.Arria && actor.IsHeadOrDeputy && session.ConvenorCode is not null && actor.DelegationCode == session.ConvenorCode);

    public static string WhoManages(Session session) => session.Format == SessionFormat.Arria && session.ConvenorCode is not null
        ? $"the chair or the convenor ({session.ConvenorCode}, its head or deputy)"
        : "the chair (head or deputy of the presiding delegation) or an operator";

    /// <summary>
    /// Finds a session the reader may see from an id as typed (<c>S12</c> or <c>12</c>); otherwise replies
    /// and returns null. An invisible session is reported exactly like a missing one.
    /// </summary>
    public static async Task<Session?> FindVisibleAsync(CommandContext context, string? idText, string usage, CancellationToken cancellationToken)
    {
        if (!SessionIds.TryParse(idText, out var id))
        {
            context.Reply(idText is null
                ? $"Which session? Usage: {usage}. Send /sessions to see the ids."
                : $"\"{Telegram.Rendering.Html.Escape(idText)}\" is not a session id: write it as S12 or 12. Usage: {usage}");
            return null;
        }

        var session = await context.Update.Db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || !CanSee(session, context.Actor))
        {
            context.Reply($"There is no session {SessionIds.Label(id)}. Send /sessions to see the upcoming ones.");
            return null;
        }

        return session;
    }
}
