using CoordBot.Domain;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>
/// The answer to an attendance answer in a chat: the answer noted and who attends so far, with the buttons to change
/// it. It is the chat's live message of the session's attendance: a later answer there edits it instead of adding one.
/// </summary>
public sealed class AttendanceNotice(SessionsText text, SessionRendering rendering)
{
    public static string Topic(long sessionId) => "attendance:" + SessionIds.Label(sessionId);

    /// <summary>Replies to an answer; <paramref name="asNew"/> for a typed /attend, whose reply must appear below it (and becomes the live one).</summary>
    public async Task ShowAsync(UpdateContext update, Outcome<AttendanceRecorded, AttendanceRefusal> outcome, bool asNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(outcome);
        var language = update.Language;
        if (outcome.Value is not { } recorded)
        {
            update.Reply(text.Attendance(outcome, update.Actor, language));
            return;
        }

        var db = update.Db;
        await db.SaveChangesAsync(cancellationToken); // the answer just recorded counts in the list below
        var answers = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionId == recorded.SessionId).ToListAsync(cancellationToken);
        var html = text.Attendance(outcome, update.Actor, language) + "\n" + rendering.Attendance(answers, language);
        await LiveMessages.ShowAsync(
            db, update.Outbox, update.ChatId, Topic(recorded.SessionId), html, [SessionNotifier.AttendButtons(recorded.SessionId, language)], update.NowUtc, asNew, language, update.Actor.TimeZone, cancellationToken);
    }
}
