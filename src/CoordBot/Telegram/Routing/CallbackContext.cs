using CoordBot.Telegram.Rendering;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;

namespace CoordBot.Telegram.Routing;

/// <summary>A button press. The handler must answer it (<see cref="Answer"/>) whatever it decides.</summary>
public sealed record CallbackContext(UpdateContext Update, CallbackQuery Query, string Payload)
{
    private const string Mark = "✓ ";

    public Actor Actor => Update.Actor;

    public bool Answered { get; private set; }

    public void Answer(string? text = null)
    {
        Update.Outbox.AnswerCallback(Update.ChatId, Query.Id, text);
        Answered = true;
    }

    /// <summary>
    /// Marks the choice where it was made. A choice that may still change (a ballot while the vote is open) keeps its
    /// buttons, the pressed one marked ✓ and the others unmarked; a question answered for good (Cast veto / Go back,
    /// Close the vote now) loses its buttons and shows its answer under its text, as a guide's step does.
    /// </summary>
    public void MarkPressed(bool keepButtons)
    {
        if (Query.Message is not { Text: { } text } pressed || pressed.ReplyMarkup?.InlineKeyboard is not { } keyboard)
        {
            return;
        }

        var html = HtmlText.ToHtml(text, pressed.Entities);
        if (keepButtons)
        {
            Update.Outbox.EditText(Update.ChatId, pressed.Id, html, [.. keyboard.Select(row => (IReadOnlyList<Button>)[.. row.Select(b =>
                new Button((b.CallbackData == Query.Data ? Mark : string.Empty) + Unmarked(b.Text), b.CallbackData ?? string.Empty))])]);
            return;
        }

        var chosen = keyboard.SelectMany(row => row).FirstOrDefault(b => b.CallbackData == Query.Data)?.Text;
        Update.Outbox.EditText(Update.ChatId, pressed.Id, chosen is null ? html : $"{html}\n{Mark}{Html.Escape(Unmarked(chosen))}");
    }

    private static string Unmarked(string label) => label.StartsWith(Mark, StringComparison.Ordinal) ? label[Mark.Length..] : label;
}
