using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoordBot.Browser.Tests;

/// <summary>A newcomer's first visit: one click for a council, then a session, an answer, a draft and a reminder, all by the page.</summary>
public sealed class DemoCouncilInTheBrowserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [SkippableFact]
    public async Task Demo_council_then_a_session_an_attendance_a_circulated_draft_and_a_reminder_by_the_clock()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        var page = await sandbox.NewPageAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Demo council", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Demo council ready", new() { Timeout = 90_000 });

        var (chairCode, headOf, groupOf, linked) = sandbox.DemoLayout();
        var chairId = headOf(chairCode);
        var chairGroup = groupOf(chairCode);
        var plainCode = sandbox.Codes.First(c => !linked.Contains(c));
        var headId = headOf(plainCode);
        var chats = page.Locator("nav.chats");
        await Expect(chats.Locator("button[data-chat-id]")).ToHaveCountAsync(sandbox.Codes.Count + 1 + linked.Count);
        await chats.Locator($"button[data-chat-id='{chairId}']").ClickAsync();
        await chats.Locator($"button[data-chat-id='{chairGroup}']").ClickAsync();
        await chats.Locator($"button[data-chat-id='{headId}']").ClickAsync();
        var chair = Panel(page, chairId);
        var group = Panel(page, chairGroup);
        var head = Panel(page, headId);
        await Expect(chair).ToContainTextAsync("/join");
        await Expect(group).ToContainTextAsync("This group is now the group of the delegation");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ArtefactPath("sandbox.png") });

        // The chair schedules a session (the bot offers no button for that, so it is typed) a day and three hours ahead.
        var start = TimeProvider.System.GetUtcNow().AddDays(1).AddHours(3); // the sandbox clock starts at the real time
        await WriteAsync(chair, string.Create(CultureInfo.InvariantCulture, $"/schedule {start:yyyy-MM-dd} {start:HH:mm} Etc/UTC open 90m Sandbox rehearsal"));
        await Expect(chair.Locator(".msg.bot").Last).ToContainTextAsync("S1", Patient);
        await Expect(group).ToContainTextAsync("Sandbox rehearsal", Patient);

        // A head without a group answers on the announcement's button in private.
        await Expect(head).ToContainTextAsync("Sandbox rehearsal", Patient);
        await head.GetByRole(AriaRole.Button, new() { Name = "We attend", Exact = true }).First.ClickAsync();
        await Expect(head.Locator(".note.press")).ToContainTextAsync("pressed “We attend”", Patient);
        await Expect(head.Locator(".note.answer")).ToContainTextAsync("Noted: you attend.", Patient);

        // The same head holds the pen: a draft, then circulated to every delegation.
        await WriteAsync(head, "/draft_new Sandbox statement\nThe Council welcomes the sandbox.");
        await Expect(head.Locator(".msg.bot").Last).ToContainTextAsync("D1", Patient);
        await WriteAsync(head, "/circulate D1");
        await Expect(head).ToContainTextAsync("was circulated", Patient);
        await Expect(group).ToContainTextAsync("The Council welcomes the sandbox.", Patient);
        await Expect(group).ToContainTextAsync("Circulated by", Patient);
        await Expect(chair).Not.ToContainTextAsync("The Council welcomes the sandbox.");

        // The sandbox clock: a day forward makes the one-day reminder due; it arrives without waiting a day.
        await Expect(page.Locator("#clock-note")).ToContainTextAsync("Only in the sandbox");
        await page.GetByRole(AriaRole.Button, new() { Name = "+1 day" }).ClickAsync();
        await Expect(group).ToContainTextAsync("Reminder:", Patient);
        await Expect(head).ToContainTextAsync("Reminder:", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ArtefactPath("sandbox-after-rehearsal.png") });

        // Pressed again, the demo completes only what is missing: the council stays as it is.
        await page.GetByRole(AriaRole.Button, new() { Name = "Demo council", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("0 invited now", Patient);
        await Expect(chats.Locator("button[data-chat-id]")).ToHaveCountAsync(sandbox.Codes.Count + 1 + linked.Count);
    }

    private static ILocator Panel(IPage page, long chatId) => page.Locator($"section.panel[data-chat-id='{chatId}']");

    private static async Task WriteAsync(ILocator panel, string text)
    {
        var box = panel.Locator("textarea");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }
}
