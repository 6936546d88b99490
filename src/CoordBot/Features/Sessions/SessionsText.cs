using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary>The words of the Sessions feature's answers and refusals: outcomes in, HTML out (user text escaped here).</summary>
public sealed class SessionsText(CouncilProvider council)
{
    /// <summary>The reply to <c>/attend</c> (HTML).</summary>
    public string Attendance(Outcome<AttendanceRecorded, AttendanceRefusal> outcome, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        return outcome.Match(
            recorded => $"Noted: {Html.Escape(council.Council.NameOf(recorded.DelegationCode))} {(recorded.Attends ? "attends" : "does not attend")} {SessionIds.Label(recorded.SessionId)} (answered by {Html.Escape(actor.DisplayName)}).",
            refusal => Html.Escape(AttendanceRefusal(refusal)));
    }

    /// <summary>The short answer to an attendance button (plain text: a callback answer is not HTML).</summary>
    public static string AttendanceButton(Outcome<AttendanceRecorded, AttendanceRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Match(recorded => recorded.Attends ? "Noted: you attend." : "Noted: you do not attend.", AttendanceRefusal);
    }

    /// <summary>A refusal as plain text.</summary>
    public static string AttendanceRefusal(AttendanceRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var label = SessionIds.Label(refusal.SessionId);
        return refusal.Code switch
        {
            AttendanceRefusalCode.NotHeadOrDeputy => "Only the head of delegation or the deputy answers for the delegation.",
            AttendanceRefusalCode.NoSuchSession => $"There is no session {label}.",
            AttendanceRefusalCode.Cancelled => $"{label} is cancelled.",
            AttendanceRefusalCode.Over => $"{label} is over.",
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }

    public static string NotASessionId(string word, CommandInfo info) =>
        $"\"{Html.Escape(word)}\" is not a session id: write it as S12 or 12. {info.UsageReply}";

    public static string NoSuchSession(long id) => $"There is no session {SessionIds.Label(id)}. Send /sessions to see the upcoming ones.";

    /// <summary>The refusal of an entity check: this person does not run this session.</summary>
    public static string MayNotManage(Session session, string what) =>
        $"Only {Html.Escape(SessionAccess.WhoManages(session))} may {what}.";
}
