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
    /// <summary>The Telegram id of the chat's attendance message of the session, once shown.</summary>
    public static Task<int?> ShownIdAsync(UpdateContext update, long sessionId, CancellationToken cancellationToken) =>
        LiveMessages.ShownIdAsync(update.Db, update.ChatId, Topic(sessionId), cancellationToken);

    public static string Topic(long sessionId) => "attendance:" + SessionIds.Label(sessionId);

    /// <summary>
    /// Replies to an answer; <paramref name="asNew"/> for a typed /attend, whose reply must appear below it (and becomes the live one).
    /// Its buttons mark the answer; without <paramref name="withButtons"/> it has none (the pressed message carries them, marked).
    /// </summary>
    public async Task ShowAsync(UpdateContext update, Outcome<AttendanceRecorded, AttendanceRefusal> outcome, bool asNew, bool withButtons, CancellationToken cancellationToken)
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
            db, update.Outbox, update.ChatId, Topic(recorded.SessionId), html, withButtons ? [SessionNotifier.AttendButtons(recorded.SessionId, language, recorded.Attends)] : null, update.NowUtc, asNew, language, update.Actor.TimeZone, cancellationToken);
    }
}
