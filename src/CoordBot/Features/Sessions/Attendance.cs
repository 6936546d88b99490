using CoordBot.Council;
using CoordBot.Persistence;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>A delegation's answer to a session, by its head or deputy, for its own delegation only.</summary>
public sealed class Attendance(CouncilProvider council)
{
    /// <summary>Records the answer; returns the refusal (plain text) or null when recorded.</summary>
    public async Task<string?> RecordAsync(CoordBotDb db, Actor actor, long sessionId, bool attends, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (actor.DelegationCode is not { } code || !actor.IsHeadOrDeputy)
        {
            return "Only the head of delegation or the deputy answers for the delegation.";
        }

        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !SessionAccess.CanSee(session, actor))
        {
            return $"There is no session {SessionIds.Label(sessionId)}.";
        }

        if (session.CancelledAt is not null)
        {
            return $"{session.Label} is cancelled.";
        }

        if (session.EndUtc <= nowUtc)
        {
            return $"{session.Label} is over.";
        }

        var answer = await db.SessionAttendances.SingleOrDefaultAsync(a => a.SessionId == sessionId && a.DelegationCode == code, cancellationToken);
        if (answer is null)
        {
            answer = new SessionAttendance { SessionId = sessionId, DelegationCode = code };
            db.SessionAttendances.Add(answer);
        }

        answer.Attends = attends;
        answer.AnsweredBy = actor.UserId;
        answer.AnsweredAt = nowUtc;
        db.AuditEntries.Add(new AuditEntry { At = nowUtc, ActorUserId = actor.UserId, Action = "session.attendance", Details = $"{session.Label} {code} {(attends ? "yes" : "no")}" });
        return null;
    }

    public string Confirmation(Actor actor, long sessionId, bool attends) =>
        $"Noted: {Html.Escape(council.Council.NameOf(actor.DelegationCode!))} {(attends ? "attends" : "does not attend")} {SessionIds.Label(sessionId)} (answered by {Html.Escape(actor.DisplayName)}).";
}

/// <summary><c>/attend S&lt;n&gt; &lt;yes|no&gt;</c>.</summary>
internal sealed class AttendHandler(Attendance attendance) : ICommandHandler
{
    private const string Usage = "/attend S&lt;n&gt; &lt;yes|no&gt;";

    public CommandInfo Info { get; } = new("attend", "/attend S<n> <yes|no>", "Your delegation's answer: does it attend? (head or deputy)", a => a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        if (context.Command.Words is not [var idText, var answerText] || !SessionIds.TryParse(idText, out var id) || ParseAnswer(answerText) is not { } attends)
        {
            context.Reply($"Usage: {Usage}, for example /attend S3 yes");
            return;
        }

        var refusal = await attendance.RecordAsync(context.Update.Db, context.Actor, id, attends, context.Update.NowUtc, cancellationToken);
        context.Reply(refusal is null ? attendance.Confirmation(context.Actor, id, attends) : Html.Escape(refusal));
    }

    private static bool? ParseAnswer(string text) => text.ToLowerInvariant() switch
    {
        "yes" or "y" => true,
        "no" or "n" => false,
        _ => null,
    };
}

/// <summary>The "We attend / We do not attend" buttons: <c>att:&lt;id&gt;:y|n</c>. The delegation is the presser's own, never the data's.</summary>
internal sealed class AttendCallbackHandler(Attendance attendance) : ICallbackHandler
{
    public const string Prefix = "att";

    string ICallbackHandler.Prefix => Prefix;

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        var parts = context.Payload.Split(':');
        if (parts is not [var idText, "y" or "n"] || !SessionIds.TryParse(idText, out var id))
        {
            context.Answer("This button is no longer valid.");
            return;
        }

        var attends = parts[1] == "y";
        var update = context.Update;
        if (!update.IsPrivate && update.Actor.ChatDelegationCode is null)
        {
            context.Answer("This group is not linked to a delegation.");
            return;
        }

        var refusal = await attendance.RecordAsync(update.Db, context.Actor, id, attends, update.NowUtc, cancellationToken);
        if (refusal is not null)
        {
            context.Answer(refusal);
            return;
        }

        context.Answer(attends ? "Noted: you attend." : "Noted: you do not attend.");
        update.Reply(attendance.Confirmation(context.Actor, id, attends));
    }
}
