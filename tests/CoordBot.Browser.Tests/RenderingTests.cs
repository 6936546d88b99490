using System.Net.Http.Json;
using CoordBot.BotApi;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoordBot.Browser.Tests;

/// <summary>How the page shows the bot's formatting and people's text: formatted as Telegram does, and never executed.</summary>
public sealed class RenderingTests
{
    [SkippableFact]
    public async Task Every_tag_the_bot_uses_is_rendered_and_a_script_typed_by_a_user_is_shown_as_text()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        emulator.RegisterUser(42, "Ada <b>Lovelace</b>");
        const string hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> & <b>not bold</b>";
        emulator.SendText(42, 42, hostile);
        const string html = "<b>bold</b> <i>italic</i> <u>underlined</u> <s>struck</s> <code>S12</code>\nsecond line " +
            "<a href=\"https://example.org/doc\">a link</a>\n" +
            "<pre>pre block</pre><blockquote>quoted</blockquote><tg-spoiler>hidden</tg-spoiler> &lt;escaped&gt; &amp;";
        using (var sent = await http.PostAsJsonAsync($"/bot{emulator.BotToken}/sendMessage", new { chat_id = 42, text = html, parse_mode = "HTML" }))
        {
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        // A javascript: link never reaches the page: the emulator refuses the message, as Telegram does.
        using (var refused = await http.PostAsJsonAsync($"/bot{emulator.BotToken}/sendMessage", new { chat_id = 42, text = "<a href=\"javascript:window.pwned=3\">bad link</a>", parse_mode = "HTML" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var form = new MultipartFormDataContent { { new StringContent("42"), "chat_id" }, { new ByteArrayContent("BEGIN:VCALENDAR"u8.ToArray()), "document", "S1.ics" } })
        using (var sent = await http.PostAsync($"/bot{emulator.BotToken}/sendDocument", form))
        {
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await page.Locator("nav.chats button[data-chat-id='42']").ClickAsync();
        var panel = page.Locator("section.panel[data-chat-id='42']");
        var bot = panel.Locator(".msg.bot").First;

        await Expect(bot.Locator("strong")).ToHaveTextAsync("bold");
        await Expect(bot.Locator("em")).ToHaveTextAsync("italic");
        await Expect(bot.Locator("u")).ToHaveTextAsync("underlined");
        await Expect(bot.Locator("s")).ToHaveTextAsync("struck");
        await Expect(bot.Locator("code")).ToHaveTextAsync("S12");
        await Expect(bot.Locator("pre")).ToHaveTextAsync("pre block");
        await Expect(bot.Locator("blockquote")).ToHaveTextAsync("quoted");
        await Expect(bot.Locator(".spoiler")).ToHaveTextAsync("hidden");
        await Expect(bot.Locator("a[href='https://example.org/doc']")).ToHaveTextAsync("a link");
        await Expect(panel).Not.ToContainTextAsync("bad link");
        Assert.Contains("S12\nsecond line", await bot.Locator(".text").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(bot).ToContainTextAsync("<escaped> &");

        var typed = panel.Locator(".msg.user .text");
        await Expect(typed).ToHaveTextAsync(hostile);
        await Expect(panel.Locator("script, img, .msg.user b")).ToHaveCountAsync(0);
        await Expect(panel).ToContainTextAsync("Writing as Ada <b>Lovelace</b>");
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));

        var download = await page.RunAndWaitForDownloadAsync(() => panel.Locator("a.doc").ClickAsync());
        Assert.Equal("S1.ics", download.SuggestedFilename);
        Assert.Equal("BEGIN:VCALENDAR", await File.ReadAllTextAsync(await download.PathAsync()));
    }

    [SkippableFact]
    public async Task A_person_and_a_group_made_on_the_page_can_write_and_new_messages_appear_without_reloading()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl.ToString());

        await page.GetByLabel("Name").FillAsync("Grace");
        await page.GetByLabel("Telegram user id").FillAsync("77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Rehearsal room");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        await page.Locator("nav.chats button", new() { HasText = "Rehearsal room" }).ClickAsync();
        var panel = page.Locator("section.panel").First;
        await panel.Locator("textarea").FillAsync("/help");
        await panel.Locator("textarea").PressAsync("Enter");
        await Expect(panel.Locator(".msg.user")).ToContainTextAsync("Grace");
        var group = emulator.Chats().Single(c => c.Type == "supergroup").ChatId;

        // The bot answers; the open panel shows it live, by server-sent events.
        using var sent = await http.PostAsJsonAsync($"/bot{emulator.BotToken}/sendMessage", new { chat_id = group, text = "Hello <b>Grace</b>", parse_mode = "HTML" });
        Assert.True(sent.IsSuccessStatusCode);
        await Expect(panel.Locator(".msg.bot strong")).ToHaveTextAsync("Grace");
        await Expect(page.Locator("#clock-note")).ToContainTextAsync("cannot be moved");
    }
}
