using CoordBot.BotApi;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Guides;

/// <summary>Tapping through a guide as a person on a phone would: press a button, wait for the message to change.</summary>
internal static class GuideKit
{
    /// <summary>Presses the button labelled <paramref name="label"/> on the guide's message and waits for the message to change.</summary>
    public static async Task<SentMessage> PressAsync(BotHarness bot, long user, SentMessage message, string label)
    {
        var button = message.Buttons.SingleOrDefault(b => b.Text == label);
        Assert.True(button.CallbackData is not null, $"No button \"{label}\" on: {message.PlainText}\nButtons: {string.Join(" | ", message.Buttons.Select(b => b.Text))}");
        bot.Emulator.PressButton(message.ChatId, user, message.MessageId, button.CallbackData!);
        return await bot.ReplyAsync(message.ChatId, m => m.MessageId == message.MessageId && m.EditCount > message.EditCount);
    }
}
