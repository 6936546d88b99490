using Telegram.Bot.Types;

namespace CoordBot.Telegram.Routing;

/// <summary>A button press. The handler must answer it (<see cref="Answer"/>) whatever it decides.</summary>
public sealed record CallbackContext(UpdateContext Update, CallbackQuery Query, string Payload)
{
    public Actor Actor => Update.Actor;

    public bool Answered { get; private set; }

    public void Answer(string? text = null)
    {
        Update.Outbox.AnswerCallback(Update.ChatId, Query.Id, text);
        Answered = true;
    }
}
