using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Extensions;
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

    /// <summary>The rule <c>/attend</c> declares; a refusal is the toast it always was.</summary>
    public ButtonInfo Info { get; } = new(Prefix) { Rule = AttendHandler.Declaration.Rule, RefusedAs = ButtonRefusal.Toast };

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
        if (outcome.Value is not { } recorded)
        {
            return;
        }

        // The buttons pressed mark the answer where it was given (an announcement, a reminder, /session): its text stays,
        // only the pair changes. The chat's attendance message then lists who attends, without a second pair of buttons.
        var pressed = context.Query.Message;
        if (pressed is null || pressed.Id == await AttendanceNotice.ShownIdAsync(update, id, cancellationToken))
        {
            await notice.ShowAsync(update, outcome, asNew: false, withButtons: true, cancellationToken);
            return;
        }

        if (pressed.ReplyMarkup?.InlineKeyboard is { } keyboard && pressed.Text is not null)
        {
            var marked = SessionNotifier.AttendButtons(id, update.Language, recorded.Attends).ToDictionary(b => b.Data, StringComparer.Ordinal);
            update.Outbox.EditText(update.ChatId, pressed.Id, HtmlText.ToHtml(pressed.Text, pressed.Entities), [.. keyboard.Select(row => (IReadOnlyList<Button>)[.. row.Select(b =>
                b.CallbackData is { } data && marked.TryGetValue(data, out var mark) ? mark : new Button(b.Text, b.CallbackData ?? string.Empty))])]);
        }

        await notice.ShowAsync(update, outcome, asNew: false, withButtons: false, cancellationToken);
    }
}
