using System.Text.Json.Nodes;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Features.Drafts;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Tests.Hardening;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// Issue 14, through the emulator by buttons only: a penholder creates a draft (typing only its title and text),
/// circulates it, accepts an amendment and puts it in blue by pressing the buttons under the messages; a forged or
/// stale button is refused and changes nothing. Issue 16: the same draft read in French and in Arabic.
/// </summary>
public sealed class DraftsByButtonsTests
{
    private const char Rlm = '\u200F';
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    internal static long Head(string code) => TestCouncil.HeadOf(code);

    internal static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);
        return bot;
    }

    /// <summary>Presses the button labelled <paramref name="label"/> and waits for the bot's next new message in that chat that <paramref name="expected"/> accepts.</summary>
    internal static async Task<SentMessage> TapAsync(BotHarness bot, long user, SentMessage message, string label, Func<SentMessage, bool>? expected = null)
    {
        var button = message.Buttons.SingleOrDefault(b => b.Text == label);
        Assert.True(button.CallbackData is not null, $"No button \"{label}\" on: {message.PlainText}\nButtons: {string.Join(" | ", message.Buttons.Select(b => b.Text))}");
        var last = bot.Emulator.MessagesIn(message.ChatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        bot.Emulator.PressButton(message.ChatId, user, message.MessageId, button.CallbackData!);
        return await bot.ReplyAsync(message.ChatId, m => m.MessageId > last && (expected?.Invoke(m) ?? true));
    }

    /// <summary>A press of a button with <paramref name="data"/> under <paramref name="message"/>, which has no such button: a forged callback.</summary>
    private static async Task<SentMessage> ForgeAsync(BotHarness bot, long user, SentMessage message, string data)
    {
        var last = bot.Emulator.MessagesIn(message.ChatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        var update = JsonNode.Parse(WebhookBot.Press(user, message.ChatId, message.MessageId, data))!.AsObject();
        update.Remove("update_id");
        bot.Emulator.PostRawUpdate(update.ToJsonString());
        return await bot.ReplyAsync(message.ChatId, m => m.MessageId > last);
    }

    internal static async Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> read)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await read(db);
    }

    internal static string[] Labels(SentMessage message) => [.. message.Buttons.Select(b => b.Text)];

    [Fact]
    public async Task A_penholder_creates_circulates_accepts_an_amendment_and_puts_a_draft_in_blue_by_buttons()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        var france = Head("FRA");

        // Creating: the bare command's guide; only the title and the text are typed.
        var title = await bot.AskAsync(estonia, "/draft_new");
        Assert.Contains("step 1 of 2: Title", title.PlainText, StringComparison.Ordinal);
        await bot.AskAsync(estonia, "Press statement on cyber security");
        var summary = await bot.AskAsync(estonia, "The Council condemns malicious cyber activities.\n\nIt calls on all States to cooperate.");
        Assert.Contains("Please check, then confirm", summary.PlainText, StringComparison.Ordinal);
        var created = await TapAsync(bot, estonia, summary, "Confirm", m => CatalogueText.StartsWith(Languages.English, "Drafts.New.Created", m.Text));
        Assert.StartsWith("Created D1", created.PlainText, StringComparison.Ordinal);

        // The penholder's actions on the new draft, and nothing a draft under negotiation does not allow.
        Assert.Equal(["Read", "Comments", "Comment", "Amend", "Circulate", "Start silence", "Put in blue", "Make it a presidential statement", "Make it a press statement"], Labels(created));
        Assert.Equal(["r:draft D1", "r:comments D1", "r:comment D1", "r:amend D1", "r:circulate D1", "r:silence D1", "r:blue D1 check", "r:kind D1 prst", "r:kind D1 press"], created.Buttons.Select(b => b.CallbackData));

        var circulated = await TapAsync(bot, estonia, created, "Circulate", m => CatalogueText.StartsWith(Languages.English, "Drafts.Circulate.Done", m.Text));
        Assert.StartsWith("D1 v1 (hash ", circulated.PlainText, StringComparison.Ordinal);
        Assert.Contains("was circulated to 14 delegation(s), 14 chat(s)", circulated.PlainText, StringComparison.Ordinal);
        Assert.Equal(14, await ReadAsync(bot, db => db.DraftCirculations.CountAsync()));

        // France reads it with its reader's buttons: no penholder's action.
        var copy = await bot.MessageWithCatalogueAsync(france, "Drafts.Circulated");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", copy.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Read", "Comments", "Comment", "Amend"], Labels(copy));

        // France proposes an amendment: the Amend button under D1 starts the guide with D1 chosen; the text is typed.
        var text = await TapAsync(bot, france, copy, "Amend", m => CatalogueText.Contains(Languages.English, "Guide.Step", m.Text));
        Assert.Contains("step 2 of 2: Proposed text", text.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Cancel"], Labels(text));
        var check = await bot.AskAsync(france, "§2 It calls on all States to cooperate in accordance with international law.");
        var recorded = await TapAsync(bot, france, check, "Confirm", m => CatalogueText.StartsWith(Languages.English, "Drafts.Amend.Done", m.Text));
        Assert.StartsWith("Amendment M1 to D1 v1 §2 is recorded", recorded.PlainText, StringComparison.Ordinal);

        // The penholder decides it by the buttons under the notice.
        var notice = await bot.MessageWithCatalogueAsync(estonia, "Drafts.Amend.Notice");
        Assert.StartsWith("Amendment M1 to D1 v1 §2 from France (FRA)", notice.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Accept M1", "Reject M1"], Labels(notice));
        var accepted = await TapAsync(bot, estonia, notice, "Accept M1", m => CatalogueText.Matches(Languages.English, "Drafting.Decide.Accepted", m.Text));
        Assert.Equal("M1 is accepted. The proposing delegation has been told.", accepted.PlainText);
        Assert.StartsWith("The penholder accepted amendment M1 to D1 v1 §2", (await bot.MessageWithCatalogueAsync(france, "Drafts.Decide.AcceptedNotice")).PlainText, StringComparison.Ordinal);
        Assert.Equal(AmendmentStatus.Accepted, await ReadAsync(bot, db => db.DraftAmendments.Select(m => m.Status).SingleAsync()));
        var offer = await bot.MessageStartingWithCatalogueAsync(estonia, "Drafting.Apply.Offer");
        Assert.StartsWith("The next version, D1 v2", offer.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Make v2 with M1"], Labels(offer)); // applied in one tap (DraftingEndToEndTests); here the text stays v1

        // A second press of the same (now stale) button changes nothing and says why.
        var again = await TapAsync(bot, estonia, notice, "Accept M1");
        Assert.Equal("M1 was already accepted.", again.PlainText);

        // Put in blue from the first message: an old button acts on the draft as it is now, once confirmed.
        var ask = await TapAsync(bot, estonia, created, "Put in blue", m => CatalogueText.StartsWith(Languages.English, "Drafting.Blue.Ask", m.Text));
        Assert.StartsWith("Put D1 v1", ask.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));
        var blue = await TapAsync(bot, estonia, ask, "Yes, put v1 in blue", m => CatalogueText.StartsWith(Languages.English, "Drafts.Blue.Done", m.Text));
        Assert.StartsWith("D1 v1 is in blue: its text (hash ", blue.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InBlue, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));
        var locked = await bot.MessageWithCatalogueAsync(france, "Drafts.Blue.Notice");
        Assert.StartsWith("D1 v1 · Press statement on cyber security is in blue", locked.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Read", "Comments", "Comment"], Labels(locked)); // no Amend: the text is locked

        // /draft D1 shows the penholder what is left to do in blue: no second "Put in blue".
        Assert.StartsWith("D1 v1 · Press statement on cyber security is in blue", (await bot.MessageWithCatalogueAsync(estonia, "Drafts.Blue.Notice")).PlainText, StringComparison.Ordinal);
        var read = await bot.AskAsync(estonia, "/draft D1");
        Assert.Contains("Status: in blue (this is the text in blue)", read.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Comments", "Comment", "Circulate"], Labels(read));
    }

    [Fact]
    public async Task A_forged_or_stale_button_is_refused_and_changes_nothing()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        var france = Head("FRA");
        await bot.AskAsync(estonia, "/draft_new Women, peace and security\nThe Security Council,\n\nRecalls its resolutions.");
        await bot.AskAsync(estonia, "/circulate D1 FRA");
        var copy = await bot.MessageWithCatalogueAsync(france, "Drafts.Circulated");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", copy.PlainText, StringComparison.Ordinal);

        // France forges the penholder's buttons: refused with the rule's words, nothing changes.
        var blue = await ForgeAsync(bot, france, copy, "r:blue D1");
        Assert.Equal("Only the penholder delegation can revise this draft.", blue.PlainText);
        var circulate = await ForgeAsync(bot, france, copy, "r:circulate D1 GBR");
        Assert.Equal("Only the penholder delegation can revise this draft.", circulate.PlainText);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));
        Assert.Equal(["FRA"], await ReadAsync(bot, db => db.DraftCirculations.Select(c => c.DelegationCode).ToListAsync()));

        // A button that is no command at all.
        var nonsense = await ForgeAsync(bot, france, copy, "r:draft D1 v1 v2 v3");
        Assert.StartsWith("Usage: /draft D<n> [v<k>]", nonsense.PlainText, StringComparison.Ordinal);

        // The draft is withdrawn: France's old Amend and the penholder's old Put in blue act on it as it is now.
        await bot.AskAsync(estonia, "/withdraw D1");
        Assert.StartsWith("D1 · Women, peace and security was withdrawn", (await bot.MessageWithCatalogueAsync(france, "Drafts.Withdraw.Notice")).PlainText, StringComparison.Ordinal);
        var stale = await TapAsync(bot, france, copy, "Read");
        Assert.Contains("Status: withdrawn", stale.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Comments"], Labels(stale));
        var amend = await TapAsync(bot, france, copy, "Amend");
        Assert.Equal("D1 cannot be chosen for /amend now: it has changed since this button was sent.", amend.PlainText); // nothing left to amend
        Assert.Empty(Labels(amend));
        var penholder = await bot.AskAsync(estonia, "/draft D1");
        var late = await ForgeAsync(bot, estonia, penholder, "r:blue D1");
        Assert.Equal("D1 was withdrawn.", late.PlainText);
        Assert.Equal(DraftStatus.Withdrawn, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // France's head leaves the delegation: their old button no longer reads the draft.
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
            (await db.Memberships.SingleAsync(m => m.UserId == france, ct)).EndedAt = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
        var removed = await TapAsync(bot, france, copy, "Read");
        Assert.Equal(EnglishTexts.NotAMember, removed.PlainText);
        Assert.Equal(0, await ReadAsync(bot, db => db.DraftComments.CountAsync()));
    }

    [Fact]
    public async Task A_reader_in_French_reads_the_draft_and_its_buttons_in_French_and_an_Arabic_reader_gets_directional_marks()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        var france = Head("FRA");
        var tunisia = Head("TUN");
        await bot.AskAsync(france, "/language fr");
        await bot.AskAsync(tunisia, "/language ar");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");

        var council = CouncilPresets.SecurityCouncil2020;
        var copy = await bot.MessageWithCatalogueAsync(france, "Drafts.Circulated", "fr");
        Assert.StartsWith("Distribué par ", copy.PlainText, StringComparison.Ordinal);
        var lines = copy.PlainText!.Split('\n');
        Assert.Equal($"Distribué par {council.NameOf("EST", "fr")} (EST), porte-plume :", lines[0]);
        Assert.Equal("D1 v1 · Press statement on cyber security", lines[1]); // the author's title, untranslated
        Assert.Equal("État : en négociation", lines[2]);
        Assert.Equal("§1 The Council condemns malicious cyber activities.", lines[^1]); // the author's text, untranslated
        Assert.Equal(["Lire", "Commentaires", "Commenter", "Amender"], Labels(copy));

        var amend = await bot.AskAsync(france, "/amend D1 §9 Add a paragraph.");
        Assert.Equal("D1 v1 : le §9 n'existe pas : le texte compte les paragraphes §1 à §1.", amend.PlainText);
        var blue = await bot.AskAsync(france, "/blue D1");
        Assert.Equal("Seule la délégation porte-plume peut réviser ce projet.", blue.PlainText);

        var arabic = await bot.ReplyAsync(tunisia, m => m.PlainText!.StartsWith($"{Rlm}عمّمه ", StringComparison.Ordinal));
        Assert.Equal($"{Rlm}عمّمه {Fsi}{council.NameOf("EST", "ar")} (EST){Pdi}، حامل القلم:", arabic.PlainText!.Split('\n')[0]);
        Assert.Equal($"{Rlm}{Fsi}D1{Pdi} v{Fsi}1{Pdi} · {Fsi}Press statement on cyber security{Pdi}", arabic.PlainText.Split('\n')[1]);
    }

    [Fact]
    public async Task The_list_of_drafts_comes_a_page_at_a_time_each_entry_a_button_that_opens_its_draft()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");
        for (var i = 1; i <= 31; i++)
        {
            await bot.AskAsync(estonia, $"/draft_new Draft number {i}\nText {i}.");
        }

        // Thirty fit a phone screen; the thirty-first goes to a second page.
        var first = await bot.AskAsync(estonia, "/drafts");
        var lines = first.PlainText!.Split('\n');
        Assert.Equal("Drafts · Page 1 of 2", lines[0]);
        Assert.Equal("D1 v1 · Draft number 1 — under negotiation; penholder EST", lines[1]);
        Assert.Equal(32, lines.Length); // the heading, thirty drafts, the hint
        Assert.Equal([.. Enumerable.Range(1, 30).Select(i => $"r:draft D{i}"), "r:drafts 2"], first.Buttons.Select(b => b.CallbackData));
        Assert.Equal("2 ›", first.Buttons[^1].Text);

        var second = await TapAsync(bot, estonia, first, "2 ›");
        Assert.Equal("Drafts · Page 2 of 2\nD31 v1 · Draft number 31 — under negotiation; penholder EST\nRead one with /draft D<n>.", second.PlainText);
        Assert.Equal(["D31 Draft number 31", "‹ 1"], Labels(second));

        var opened = await TapAsync(bot, estonia, second, "D31 Draft number 31");
        Assert.StartsWith("D31 v1 · Draft number 31\nStatus: under negotiation", opened.PlainText, StringComparison.Ordinal);
        Assert.Equal(second.PlainText, (await bot.AskAsync(estonia, "/drafts 2")).PlainText);
    }
}
