using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoordBot.Browser.Tests;

/// <summary>
/// "Play a council day" on the page (issue 28): the whole product played through the bot's commands and buttons,
/// ending with the vote's result in every linked group; on the way, a head's "/" menu and an Arabic ballot.
/// </summary>
public sealed partial class CouncilDayInTheBrowserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 60_000 };

    [SkippableFact]
    public async Task Play_a_council_day_ends_with_a_result_in_every_linked_group_and_an_arabic_ballot_reads_right_to_left()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        var page = await sandbox.NewPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Demo council", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Demo council ready", new() { Timeout = 90_000 });
        var (chairCode, headOf, groupOf, linked) = sandbox.DemoLayout();

        // A head's "/" menu: the commands Telegram would show them in their private chat (their chat-scoped list).
        var plainCode = sandbox.Codes.First(c => !linked.Contains(c));
        var head = await OpenAsync(page, headOf(plainCode));
        await head.GetByRole(AriaRole.Button, new() { Name = "Command menu" }).ClickAsync();
        var menu = head.Locator(".command-menu");
        await Expect(menu).ToHaveAttributeAsync("data-scope", "chat");
        await Expect(menu.Locator("[data-command='draft_new']")).ToHaveCountAsync(1);
        await Expect(menu.Locator("[data-command='vote']")).ToHaveCountAsync(1);
        await Expect(menu.Locator("[data-command='status']")).ToHaveCountAsync(0);
        await Expect(menu.Locator("[data-command='setpresident']")).ToHaveCountAsync(0);

        // Tapping a command sends it, as in Telegram.
        await menu.Locator("[data-command='me']").ClickAsync();
        await Expect(head.Locator(".msg.user").Last).ToContainTextAsync("/me");
        await Expect(head.Locator(".msg.bot").Last).ToContainTextAsync(sandbox.NameOf(plainCode), Patient);

        // Another head reads in Arabic: their ballot will come in Arabic.
        var arabicCode = sandbox.Codes.Last(c => !linked.Contains(c));
        var arabic = await OpenAsync(page, headOf(arabicCode));
        await WriteAsync(arabic, "/language ar");
        await Expect(arabic.Locator(".msg.bot").Last).ToHaveTextAsync(ArabicLetters(), new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Play a council day", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Council day played", new() { Timeout = 300_000 });
        await Expect(page.Locator("#status")).ToContainTextAsync("adopted");

        // The result reached every linked group (each opened by the scene's narration or here).
        foreach (var code in linked)
        {
            var group = await OpenAsync(page, groupOf(code));
            await Expect(group).ToContainTextAsync("Result of the vote on D", Patient);
            // Every group heard of the silence: the penholder's group by the reply to its own /silence, the others by the notice.
            await Expect(group).ToContainTextAsync(new Regex("Silence procedure|is under silence until"), Patient);
        }

        // The Arabic ballot: its bubble is laid out right to left, an English one beside it left to right.
        var ballot = arabic.Locator(".msg.bot").Filter(new() { Has = page.Locator(".keyboard button") }).Filter(new() { HasTextRegex = ArabicLetters() }).Last;
        await Expect(ballot).ToBeVisibleAsync();
        Assert.Equal("rtl", await ballot.Locator(".text").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("ltr", await head.Locator(".msg.bot .text").Last.EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        // On a desktop the open chats sit side by side, none cut off under the chat list or at the window's edge.
        await head.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        var list = await page.Locator("nav.chats").BoundingBoxAsync();
        var panels = page.Locator("section.panel");
        Assert.Equal(4, await panels.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            var panel = await panels.Nth(i).BoundingBoxAsync();
            Assert.True(panel!.X >= list!.X + list.Width && panel.X + panel.Width <= 1500, $"chat {i} is at {panel.X} +{panel.Width}, beside a list ending at {list.X + list.Width}");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ArtefactPath("sandbox-desktop.png") });

        // The same council on a phone: one chat fills the screen, readable, with a way back to the list.
        var phone = await sandbox.NewPageAsync(390, 844);
        await Expect(phone.Locator("nav.chats")).ToBeVisibleAsync();
        await phone.Locator($"nav.chats button[data-chat-id='{groupOf(chairCode)}']").ClickAsync();
        var open = phone.Locator($"section.panel[data-chat-id='{groupOf(chairCode)}']");
        await Expect(open).ToContainTextAsync("Result of the vote on D", Patient);
        await Expect(phone.Locator("nav.chats")).ToBeHiddenAsync();
        var box = await open.BoundingBoxAsync();
        Assert.True(box is { X: 0, Width: >= 380 }, $"the open chat should fill the phone's width, is {box?.X} +{box?.Width}");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "nothing sticks out sideways");
        var bubble = await open.Locator(".msg.bot").Last.BoundingBoxAsync();
        Assert.True(bubble is { Width: >= 200 } && bubble.X + bubble.Width <= 390, $"a message should be readable, is {bubble?.X} +{bubble?.Width}");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ArtefactPath("sandbox-phone.png") });
        await open.GetByRole(AriaRole.Button, new() { Name = "Back to the chats" }).ClickAsync();
        await Expect(phone.Locator("nav.chats")).ToBeVisibleAsync();
        await Expect(open).ToBeHiddenAsync();
    }

    private static async Task<ILocator> OpenAsync(IPage page, long chatId)
    {
        await page.Locator($"nav.chats button[data-chat-id='{chatId}']").ClickAsync();
        return page.Locator($"section.panel[data-chat-id='{chatId}']");
    }

    private static async Task WriteAsync(ILocator panel, string text)
    {
        var box = panel.Locator("textarea");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();
}
