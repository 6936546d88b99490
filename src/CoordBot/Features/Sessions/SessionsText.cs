using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary>The words of the Sessions feature's answers and refusals: outcomes in, HTML out (user text escaped here).</summary>
public sealed class SessionsText(CouncilProvider council)
{
    /// <summary>The reply to <c>/attend</c> (HTML), in <paramref name="language"/>.</summary>
    public string Attendance(Outcome<AttendanceRecorded, AttendanceRefusal> outcome, Actor actor, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        return outcome.Match(
            recorded => Catalogue.Format(
                language,
                recorded.Attends ? "Sessions.NotedAttends" : "Sessions.NotedDeclines",
                Html.Escape(council.Council.NameOf(recorded.DelegationCode, language)),
                SessionIds.Label(recorded.SessionId),
                Html.Escape(actor.DisplayName)),
            refusal => Html.Escape(AttendanceRefusal(refusal, language)));
    }

    /// <summary>The short answer to an attendance button (plain text: a callback answer is not HTML), in the presser's language.</summary>
    public static string AttendanceButton(Outcome<AttendanceRecorded, AttendanceRefusal> outcome, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Match(
            recorded => Catalogue.Text(language, recorded.Attends ? "Sessions.ToastAttends" : "Sessions.ToastDeclines"),
            refusal => AttendanceRefusal(refusal, language));
    }

    /// <summary>A refusal as plain text.</summary>
    public static string AttendanceRefusal(AttendanceRefusal refusal, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var label = SessionIds.Label(refusal.SessionId);
        return refusal.Code switch
        {
            AttendanceRefusalCode.NotHeadOrDeputy => Catalogue.Text(language, "Sessions.Refusal.NotHeadOrDeputy"),
            AttendanceRefusalCode.NoSuchSession => Catalogue.Format(language, "Sessions.Refusal.NoSuchSession", label),
            AttendanceRefusalCode.Cancelled => Catalogue.Format(language, "Sessions.Refusal.Cancelled", label),
            AttendanceRefusalCode.Over => Catalogue.Format(language, "Sessions.Refusal.Over", label),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "A refusal without words"),
        };
    }

    public static string NotASessionId(string word, CommandInfo info, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Catalogue.Format(language, "Sessions.NotAnId", Html.Escape(word), info.UsageReplyIn(language));
    }

    public static string NoSuchSession(long id, string language = Languages.English) =>
        Catalogue.Format(language, "Sessions.NoSuchSession", SessionIds.Label(id));

    /// <summary>The refusal of an entity check: this person does not run this session. <paramref name="act"/>: Cancel or Move.</summary>
    public static string MayNotManage(Session session, string act, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Catalogue.Format(language, "Sessions.OnlyManager." + act, Html.Escape(SessionAccess.WhoManages(session, language)), session.Label);
    }
}
