using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordBot.BotApi;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoordBot.Browser.Tests;

/// <summary>Telegram's Reply on the page (issue 28): on every message, and opened by itself when the bot asks with ForceReply.</summary>
public sealed class ReplyInTheBrowserTests
{
    [SkippableFact]
    public async Task A_force_reply_opens_the_reply_by_itself_and_the_answer_is_sent_as_a_reply_to_that_message()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        emulator.RegisterUser(42, "Ada");
        emulator.RegisterGroup(-1001, "Estonia delegation");
        emulator.SendText(-1001, 42, "/comment");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await page.Locator("nav.chats button[data-chat-id='-1001']").ClickAsync();
        var group = page.Locator("section.panel[data-chat-id='-1001']");
        await Expect(group.Locator(".msg.user")).ToContainTextAsync("/comment");
        var bar = group.Locator(".reply-bar");
        await Expect(bar).ToBeHiddenAsync();

        // The bot asks in the group with ForceReply: the page opens the reply to it, as Telegram's app does.
        using (var asked = await http.PostAsJsonAsync($"/bot{emulator.BotToken}/sendMessage", new
        {
            chat_id = -1001,
            text = "Which draft do you comment on? Reply to this message.",
            reply_markup = new { force_reply = true, selective = true, input_field_placeholder = "D3" },
        }))
        {
            Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        }

        var question = emulator.MessagesIn(-1001).Single();
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("Which draft do you comment on?");
        await Expect(group.Locator("textarea")).ToBeFocusedAsync();

        var request = page.WaitForRequestAsync(r => r.Url.EndsWith("/_emulator/send", StringComparison.Ordinal));
        await group.Locator("textarea").FillAsync("D1");
        await group.Locator("textarea").PressAsync("Enter");
        var sent = JsonNode.Parse((await request).PostData!)!;
        Assert.Equal(question.MessageId, sent["reply_to_message_id"]!.GetValue<long>());
        Assert.Equal(42, sent["user_id"]!.GetValue<long>());
        await Expect(bar).ToBeHiddenAsync();
        await Expect(group.Locator(".msg.user").Last).ToContainTextAsync("D1");

        // Answered once, it stays closed; Reply on any message opens it again, and × cancels it.
        await page.ReloadAsync();
        await page.Locator("nav.chats button[data-chat-id='-1001']").ClickAsync();
        await Expect(group.Locator(".msg")).ToHaveCountAsync(3);
        await group.Locator(".msg.user").First.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Expect(bar).ToContainTextAsync("Reply to Ada");
        await Expect(bar).ToContainTextAsync("/comment");
        await bar.GetByRole(AriaRole.Button, new() { Name = "Cancel the reply" }).ClickAsync();
        await Expect(bar).ToBeHiddenAsync();
        Assert.Equal(3, await group.Locator(".msg .meta button.reply").CountAsync());
    }

    [SkippableFact]
    public async Task A_reply_shows_the_message_it_answers_quoted_above_its_text()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        emulator.RegisterUser(42, "Ada");
        emulator.RegisterGroup(-1001, "Estonia delegation");
        emulator.SendText(-1001, 42, "/agenda_add");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await page.Locator("nav.chats button[data-chat-id='-1001']").ClickAsync();
        var group = page.Locator("section.panel[data-chat-id='-1001']");
        var command = group.Locator(".msg.user");
        await Expect(command).ToContainTextAsync("/agenda_add");
        await Expect(command.Locator(".quote.replied")).ToHaveCountAsync(0); // a message that answers nothing quotes nothing
        var commandId = long.Parse((await command.GetAttributeAsync("data-message-id"))!, System.Globalization.CultureInfo.InvariantCulture);

        // The bot answers Ada's command: its bubble quotes her message (who, and what), above its own text.
        await SendAsync(http, emulator, new { chat_id = -1001, text = "Which item do you add?", reply_to_message_id = commandId });
        var answer = group.Locator(".msg.bot", new() { HasText = "Which item do you add?" });
        var quote = answer.Locator(".quote.replied");
        await Expect(quote).ToHaveAttributeAsync("data-reply-to", commandId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(quote.Locator(".from")).ToHaveTextAsync("Ada");
        await Expect(quote.Locator(".snippet")).ToHaveTextAsync("/agenda_add");
        Assert.True(await answer.EvaluateAsync<bool>(
            "m => !!(m.querySelector('.quote.replied').compareDocumentPosition(m.querySelector('.text')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the quote stands above the text it introduces");

        // Ada replies to the bot with Reply: her bubble quotes the bot's message; only its first line is shown.
        await SendAsync(http, emulator, new { chat_id = -1001, text = "Second question\nwith a second line" });
        var second = group.Locator(".msg.bot", new() { HasText = "Second question" });
        await second.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await group.Locator("textarea").FillAsync("Cyber security");
        await group.Locator("textarea").PressAsync("Enter");
        var mine = group.Locator(".msg.user", new() { HasText = "Cyber security" });
        await Expect(mine.Locator(".quote.replied .from")).ToHaveTextAsync(new BotApiEmulatorOptions().BotUsername);
        await Expect(mine.Locator(".quote.replied .snippet")).ToHaveTextAsync("Second question");

    }

    private static async Task SendAsync(HttpClient http, BotApiEmulator emulator, object message)
    {
        using var sent = await http.PostAsJsonAsync($"/bot{emulator.BotToken}/sendMessage", message);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
    }
}
