using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary>
/// The "We attend / We do not attend" buttons: <c>att:&lt;id&gt;:y|n</c>. The delegation is the presser's own, never the
/// data's. The router has already refused a press in an unlinked group or in another delegation's group. The answer
/// edits the chat's attendance message in place (<see cref="AttendanceNotice"/>).
/// </summary>
internal sealed class AttendCallbackHandler(Attendance attendance, AttendanceNotice notice) : ICallbackHandler
{
    public const string Prefix = "att";

    string ICallbackHandler.Prefix => Prefix;

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        var parts = context.Payload.Split(':');
        if (parts is not [var idText, "y" or "n"] || !SessionIds.TryParse(idText, out var id))
        {
            context.Answer(Catalogue.Text(context.Actor.Language, "Router.ButtonInvalid"));
            return;
        }

        var update = context.Update;
        var outcome = await attendance.RecordAsync(update.Db, context.Actor, id, parts[1] == "y", update.NowUtc, cancellationToken);
        context.Answer(SessionsText.AttendanceButton(outcome, context.Actor.Language));
        if (outcome.IsAccepted)
        {
            await notice.ShowAsync(update, outcome, asNew: false, cancellationToken);
        }
    }
}
