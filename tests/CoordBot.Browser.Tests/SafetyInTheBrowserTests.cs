using CoordBot.BotApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace CoordBot.Browser.Tests;

/// <summary>
/// Another web page the user visits cannot drive the sandbox (issue 28): its forged POST is refused, and a foreign
/// name pointed at the sandbox's address (DNS rebinding) reads nothing. Real Chromium, real second origin.
/// </summary>
public sealed class SafetyInTheBrowserTests
{
    private const string Forgery = """
        async url => {
          const body = JSON.stringify({ chat_id: 1, user_id: 1, text: "/invite BEL head" });
          await fetch(url + "_emulator/send", { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body });
          const form = new FormData();
          form.append("user_id", "1");
          form.append("file", new Blob(["/invite BEL head"]), "forged.txt");
          await fetch(url + "_emulator/send-document", { method: "POST", mode: "no-cors", body: form });
        }
        """;

    [SkippableFact]
    public async Task A_page_from_another_origin_posts_no_cors_text_plain_and_a_form_and_both_are_refused()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var sandbox = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        await using var elsewhere = await ElsewhereAsync();
        sandbox.RegisterUser(1, "Operator");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // A page served by another server (another origin, and without the sandbox page's content security policy)
        // forges the requests a user's browser would send.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(elsewhere.Urls.First());
        var send = page.WaitForResponseAsync(r => r.Url == $"{sandbox.BaseUrl}_emulator/send");
        var sendDocument = page.WaitForResponseAsync(r => r.Url == $"{sandbox.BaseUrl}_emulator/send-document");
        await page.EvaluateAsync(Forgery, sandbox.BaseUrl.ToString());

        Assert.Equal(403, (await send).Status);
        Assert.Equal(403, (await sendDocument).Status);
        Assert.DoesNotContain("/invite", sandbox.MessageThreadLog(1), StringComparison.Ordinal);
        Assert.DoesNotContain("forged.txt", sandbox.MessageThreadLog(1), StringComparison.Ordinal);

        // The sandbox's own page sends the same message as JSON, and it arrives: the refusal is the origin's doing.
        var own = await browser.NewPageAsync();
        await own.GotoAsync(sandbox.BaseUrl.ToString());
        var sent = await own.EvaluateAsync<int>("""
            async () => (await fetch("/_emulator/send", { method: "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ chat_id: 1, user_id: 1, text: "/start" }) })).status
            """);
        Assert.Equal(200, sent);
        Assert.Contains("/start", sandbox.MessageThreadLog(1), StringComparison.Ordinal);
    }

    /// <summary>Some other web site the user visits: a plain page on another port (another origin).</summary>
    private static async Task<WebApplication> ElsewhereAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content("<!DOCTYPE html><title>Somewhere else</title><p>Nothing to see.</p>", "text/html"));
        await app.StartAsync();
        return app;
    }

    [SkippableFact]
    public async Task A_foreign_name_resolving_to_the_sandbox_gets_403_for_the_page_and_for_reads()
    {
        Skip.If(Chromium.MissingReason is not null, Chromium.MissingReason);
        await using var sandbox = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions());
        sandbox.RegisterUser(1, "Operator");
        sandbox.SendText(1, 1, "council business");

        // DNS rebinding, as the browser sees it: rebound.test resolves to the sandbox's loopback address.
        var (playwright, browser) = await Chromium.LaunchAsync("--host-resolver-rules=MAP rebound.test 127.0.0.1");
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var port = sandbox.BaseUrl.Port;

        var root = await page.GotoAsync($"http://rebound.test:{port}/");
        var timeline = await page.GotoAsync($"http://rebound.test:{port}/_emulator/chats/1/timeline");
        var body = await page.ContentAsync();
        var direct = await page.GotoAsync($"{sandbox.BaseUrl}_emulator/chats/1/timeline");

        Assert.Equal(403, root!.Status);
        Assert.Equal(403, timeline!.Status);
        Assert.DoesNotContain("council business", body, StringComparison.Ordinal);
        Assert.Equal(200, direct!.Status);
        Assert.Contains("council business", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
