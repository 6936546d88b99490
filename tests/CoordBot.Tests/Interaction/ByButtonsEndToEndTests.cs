using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Features.Menus;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Guides.GuideKit;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Interaction;

/// <summary>
/// Issue 14 by buttons only, through the emulator: the only words typed are a bare command and a city; every other
/// step is a press. And issue 16 for the dashboard and the guides: a French and an Arabic reader.
/// </summary>
public sealed class ByButtonsEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_adviser_sets_Tallinn_as_zone_by_typing_only_the_city_and_pressing_Confirm()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstAdviser, "/timezone UTC");

        var bare = await bot.AskAsync(EstAdviser, "/timezone");
        Assert.Equal("Your time zone is UTC. To change it, send /timezone followed by an IANA zone name, for example: America/New_York, Europe/Tallinn, Asia/Shanghai, America/Argentina/Buenos_Aires, Africa/Johannesburg, UTC. A city or country works too, for example /timezone Tallinn.", bare.PlainText);
        var asked = await StartZoneGuideAsync(bot, EstAdviser, "Choose my city");
        Assert.Equal("/timezone, step 1 of 1: Time zone\nWhich city are you in? Write its name (for example Tallinn or New York), or tap a zone.", asked.PlainText);
        Assert.Contains(asked.Buttons, b => b.Text == "Europe/Paris");

        var summary = await bot.AskAsync(EstAdviser, "tallinn");
        Assert.Contains("Time zone: Europe/Tallinn", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("Times will be shown in Europe/Tallinn: there it is now Mon 23 Nov 2026 14:00 (Europe/Tallinn, UTC+02) = Mon 23 Nov 2026 12:00 UTC.", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal("UTC", await ZoneOfAsync(bot, EstAdviser)); // nothing changes before Confirm

        var before = bot.Emulator.MessagesIn(EstAdviser).Max(m => m.MessageId);
        var sent = await PressAsync(bot, EstAdviser, summary, "Confirm");
        Assert.Equal("Sent: /timezone Europe/Tallinn", sent.PlainText);
        var done = await bot.ReplyAsync(EstAdviser, m => m.MessageId > before);
        Assert.StartsWith("Done: I will show you times in Europe/Tallinn. It is now Mon 23 Nov 2026 14:00 (Europe/Tallinn, UTC+02)", done.PlainText, StringComparison.Ordinal);
        Assert.Equal("Europe/Tallinn", await ZoneOfAsync(bot, EstAdviser));
    }

    [Fact]
    public async Task A_misspelt_city_is_asked_about_again_and_Cancel_changes_nothing()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstAdviser, "/timezone UTC");

        var asked = await StartZoneGuideAsync(bot, EstAdviser, "Choose my city");
        var typo = await bot.AskAsync(EstAdviser, "Talinn");
        Assert.Contains("I don't know the time zone \"Talinn\". Did you mean Europe/Tallinn (Estonia)?", typo.PlainText, StringComparison.Ordinal);

        var cancelled = await PressAsync(bot, EstAdviser, asked, "Cancel");
        Assert.Equal("Cancelled /timezone: nothing was changed.", cancelled.PlainText);
        Assert.Equal("UTC", await ZoneOfAsync(bot, EstAdviser));
    }

    [Fact]
    public async Task A_French_reader_is_guided_in_French_and_the_answer_is_theirs_untranslated()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(FraAdviser, "/language fr");

        var asked = await StartZoneGuideAsync(bot, FraAdviser, "Choisir ma ville");
        Assert.Contains("/timezone, étape 1 sur 1 : Fuseau horaire", asked.PlainText, StringComparison.Ordinal);
        Assert.Contains(asked.Buttons, b => b.Text == "Annuler");

        // The city is named as a French reader names it; the command still carries the zone's id.
        var summary = await PressAsync(bot, FraAdviser, asked, "Paris");
        Assert.Contains("Fuseau horaire : Paris", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("/timezone Europe/Paris", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Confirmer", "Modifier", "Annuler"], summary.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task A_head_votes_from_the_dashboard_by_its_ballot_button_and_gets_the_receipt()
    {
        var bot = await CouncilWithAVoteAsync();
        await using var _ = bot;

        var today = await TodayAsync(bot, Fra, "What needs you now");
        // The ballot paper's own buttons, the first naming the draft.
        Assert.Equal(["D1: In favour", "Against", "Abstain"], today.Buttons.Where(b => b.CallbackData!.StartsWith("b:", StringComparison.Ordinal)).Select(b => b.Text));
        // The draft's id opens it: a deep link to the bot.
        Assert.Contains("<a href=\"https://t.me/CoordBot?start=D1\">D1</a> v1", today.Text, StringComparison.Ordinal);

        var button = today.Buttons.Single(b => b.Text == "D1: In favour");
        bot.Emulator.PressButton(Fra, Fra, today.MessageId, button.CallbackData!);
        var receipt = await bot.MessageFromCatalogueAsync(Fra, "Voting.Receipt.Yes");
        Assert.StartsWith("France voted in favour of D1 v1", receipt.PlainText, StringComparison.Ordinal);
        Assert.Equal(1, await ReadAsync(bot, db => db.Ballots.CountAsync(b => b.DelegationCode == "FRA")));
    }

    [Fact]
    public async Task A_French_reader_reads_the_dashboard_in_French_and_an_Arabic_line_keeps_its_ids_in_order()
    {
        var bot = await CouncilWithAVoteAsync();
        await using var _ = bot;
        await bot.AskAsync(Fra, "/language fr");
        await bot.AskAsync(Est, "/language ar");

        var french = await TodayAsync(bot, Fra, "Ce qui vous attend maintenant");
        Assert.Contains("D1 v1 « Press statement on cyber security » : le bulletin de votre délégation est attendu avant le ", french.PlainText, StringComparison.Ordinal);
        Assert.Contains("(America/New_York) = ", french.PlainText, StringComparison.Ordinal);
        Assert.Contains(french.Buttons, b => b.Text == "D1 : Pour" && b.CallbackData == "b:1:y");
        Assert.Contains(french.Buttons, b => b.Text == "Contre" && b.CallbackData == "b:1:n");

        var arabic = await TodayAsync(bot, Est, Bidi.RightToLeftMark + "ما يتطلب اهتمامكم الآن");
        var line = arabic.PlainText!.Split('\n').Single(l => l.Contains("يجب أن يُدلي وفدكم بصوته", StringComparison.Ordinal));
        Assert.StartsWith($"{Bidi.RightToLeftMark}{Bidi.FirstStrongIsolate}D1{Bidi.PopDirectionalIsolate} v{Bidi.FirstStrongIsolate}1{Bidi.PopDirectionalIsolate} {Bidi.FirstStrongIsolate}«", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heads_menu_gains_the_chairs_commands_when_an_operator_gives_their_delegation_the_presidency()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        var month = T0.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var menus = bot.Services.GetRequiredService<PersonalMenus>();

        await bot.AskAsync(BotHarness.OperatorId, $"/setpresident FRA {month}");
        await menus.Idle;
        Assert.Contains("extend", Names(bot, FraHead));
        Assert.Contains("penholder", Names(bot, FraHead));

        await bot.AskAsync(BotHarness.OperatorId, $"/setpresident EST {month}");
        await menus.Idle;
        Assert.Contains("extend", Names(bot, EstHead));
        Assert.DoesNotContain("extend", Names(bot, FraHead));
        Assert.DoesNotContain("penholder", Names(bot, FraHead));
        Assert.Contains("drafts", Names(bot, FraHead));
        Assert.DoesNotContain("extend", Names(bot, EstAdviser)); // the presidency is the head's (and deputy's), not every member's
    }

    [Fact]
    public async Task Choosing_a_language_writes_the_menu_in_it()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        var menus = bot.Services.GetRequiredService<PersonalMenus>();

        await bot.AskAsync(EstAdviser, "/language fr");
        await menus.Idle;

        // Every list of the chat (whatever language the app reports) is now in French: the person chose it.
        Assert.Equal("Projets avec statut, version en cours, porte-plume et échéance", Description(bot, EstAdviser, null));
        Assert.Equal("Projets avec statut, version en cours, porte-plume et échéance", Description(bot, EstAdviser, "ru"));

        await bot.AskAsync(EstAdviser, "/language en");
        await menus.Idle;
        Assert.Equal("Drafts with status, current version, penholder and deadline", Description(bot, EstAdviser, null));
    }

    private static string Description(BotHarness bot, long chatId, string? languageCode) =>
        bot.Emulator.CommandsFor("chat", chatId: chatId, languageCode: languageCode).Single(c => c.Command == "drafts").Description;

    [Fact]
    public async Task Every_members_menu_is_published_again_at_start_up()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        // The members were seeded behind the bot's back: only the start-up resync publishes their menus.
        await bot.RestartHostAsync();
        await bot.Services.GetRequiredService<PersonalMenus>().Idle;

        Assert.Contains("drafts", Names(bot, EstAdviser));
        Assert.DoesNotContain("invite", Names(bot, EstAdviser));
        Assert.Contains("invite", Names(bot, EstHead));
        Assert.NotEmpty(bot.Emulator.CommandsFor("chat", chatId: EstAdviser, languageCode: "ar"));
        Assert.Contains("linkgroup", bot.Emulator.CommandsFor("chat", chatId: EstGroup).Select(c => c.Command));
    }

    [Fact]
    public async Task The_delegations_come_in_one_message_and_each_opens_by_its_button()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;

        var first = await bot.AskAsync(EstAdviser, "/delegations");
        Assert.DoesNotContain("Page", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("EST Estonia, elected; head: Sven; group linked", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("VNM Viet Nam", first.PlainText, StringComparison.Ordinal);
        Assert.Equal(15, first.Buttons.Count);
        Assert.All(first.Buttons, b => Assert.StartsWith("r:delegation ", b.CallbackData, StringComparison.Ordinal));
        Assert.Contains(first.Buttons, b => b.Text == "Estonia (EST)" && b.CallbackData == "r:delegation EST");

        bot.Emulator.PressButton(EstAdviser, EstAdviser, first.MessageId, "r:delegation EST");
        var estonia = await bot.ReplyAsync(EstAdviser, m => m.MessageId > first.MessageId);
        Assert.Equal((await bot.AskAsync(EstAdviser, "/delegation EST")).PlainText, estonia.PlainText);
    }

    /// <summary>Bare /timezone answers as it always did, with a button that starts the guide in a new message.</summary>
    private static async Task<SentMessage> StartZoneGuideAsync(BotHarness bot, long user, string label)
    {
        var bare = await bot.AskAsync(user, "/timezone");
        Assert.Equal(bare.PlainText, bare.PlainText!.Split('\n')[0]); // the answer itself is unchanged: one line, no guide yet
        var button = bare.Buttons.Single(b => b.Text == label);
        bot.Emulator.PressButton(user, user, bare.MessageId, button.CallbackData!);
        return await bot.ReplyAsync(user, m => m.MessageId > bare.MessageId);
    }

    private static List<string> Names(BotHarness bot, long chat) => [.. bot.Emulator.CommandsFor("chat", chatId: chat).Select(c => c.Command)];

    private static Task<string> ZoneOfAsync(BotHarness bot, long user) =>
        ReadAsync(bot, db => db.People.Where(p => p.UserId == user).Select(p => p.TimeZone).SingleAsync());

    /// <summary>The heads of the council with a vote (France's in New York), as <see cref="TestCouncil"/> numbers them.</summary>
    private static readonly long Fra = TestCouncil.HeadOf("FRA");
    private static readonly long Est = TestCouncil.HeadOf("EST");

    private static async Task<BotHarness> CouncilWithAVoteAsync()
    {
        var clock = new FakeTimeProvider(Now);
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false }, s => s.AddSingleton<TimeProvider>(clock));
        await TestCouncil.Seed().InZone("FRA", "America/New_York").SeedAsync(bot);

        await bot.AskAsync(Est, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(Est, "/circulate D1");
        await bot.AskAsync(Est, "/blue D1");
        await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        return bot;
    }

    /// <summary>Sends /today and waits for the dashboard (ballots and notices may arrive in the same chat).</summary>
    private static Task<SentMessage> TodayAsync(BotHarness bot, long user, string title)
    {
        var last = bot.Emulator.MessagesIn(user).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        bot.Send(user, "/today");
        return bot.ReplyAsync(user, m => m.MessageId > last && m.PlainText!.StartsWith(title, StringComparison.Ordinal));
    }
}
