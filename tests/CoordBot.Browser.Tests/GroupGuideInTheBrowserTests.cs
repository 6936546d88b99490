using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoordBot.Browser.Tests;

/// <summary>
/// A guide in a delegation group answered the way Telegram's app answers it (issue 28): the bot asks its typed
/// question with a selective ForceReply, the page opens the reply by itself, and the answer sent as a reply is taken.
/// </summary>
public sealed class GroupGuideInTheBrowserTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [SkippableFact]
    public async Task A_head_answers_the_draft_guide_in_the_group_through_the_reply_the_force_reply_opens()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        var page = await sandbox.NewPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Demo council", Exact = true }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Demo council ready", new() { Timeout = 90_000 });

        var (_, headOf, groupOf, linked) = sandbox.DemoLayout();
        var code = linked[^1];
        var headId = headOf(code);
        var groupId = groupOf(code);
        await page.Locator($"nav.chats button[data-chat-id='{groupId}']").ClickAsync();
        var group = page.Locator($"section.panel[data-chat-id='{groupId}']");
        await Expect(group).ToContainTextAsync("This group is now the group of the delegation", Patient);
        await group.Locator("select").SelectOptionAsync(headId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bar = group.Locator(".reply-bar");
        var box = group.Locator("textarea");
        await Expect(bar).ToBeHiddenAsync();

        // The head starts the guide in the group; its first question is typed, so it comes with a selective ForceReply
        // answering the command, and the page opens the reply to it by itself, as the app does for the person asked.
        await box.FillAsync("/draft_new");
        await box.PressAsync("Enter");
        var title = group.Locator(".msg.bot", new() { HasText = "step 1 of 2: Title" });
        await Expect(title).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(title.Locator(".quote.replied .snippet")).ToHaveTextAsync("/draft_new");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("step 1 of 2: Title");
        await Expect(box).ToBeFocusedAsync();

        // Typed and sent, the answer is a reply to the question, and the bot takes it: the next step is asked the same way.
        await box.FillAsync("Press statement on the sandbox");
        await box.PressAsync("Enter");
        await Expect(bar).ToBeHiddenAsync();
        var answer = group.Locator(".msg.user", new() { HasText = "Press statement on the sandbox" });
        await Expect(answer.Locator(".quote.replied .snippet")).ToContainTextAsync("step 1 of 2: Title");
        await Expect(group.Locator(".msg.bot", new() { HasText = "step 2 of 2: Text" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(bar).ToContainTextAsync("step 2 of 2: Text");
        await Expect(box).ToBeFocusedAsync();

        await box.FillAsync("The Council welcomes the sandbox.");
        await box.PressAsync("Enter");
        var summary = group.Locator(".msg.bot").Last;
        await Expect(summary).ToContainTextAsync("This sends /draft_new Press statement on the sandbox", Patient);
        await Expect(summary.GetByRole(AriaRole.Button, new() { Name = "Confirm" })).ToBeVisibleAsync();
        await Expect(bar).ToBeHiddenAsync();
    }
}
