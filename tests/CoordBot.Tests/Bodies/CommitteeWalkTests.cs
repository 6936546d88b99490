using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Drafts.DraftsByButtonsTests;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// The dead ends found walking a committee member and a Council member through the sandbox (wave 8): the Hold button
/// asks why and the committee reads the reason exactly as a typed <c>/hold D&lt;n&gt; reason</c> gives it; the penholder's
/// own Hold leads to a hold (the procedure lets the penholder hold); a bare <c>/silence</c> from a member of two bodies asks
/// which body; <c>/help</c> in a committee offers only the committee's kinds; holders are listed as the reader's
/// language lists.
/// </summary>
public sealed class CommitteeWalkTests
{
    private const long GrcHead = 7701; // the Committee's chair in the preset
    private const long UsaHead = 7702; // the penholder
    private const long FraHead = 7703;
    private const long LvaHead = 7704; // in the two-body deployment, on the Council and the Committee
    private const long FraAdviser = 7705; // reads in French
    private const long UsaGroup = -770702;
    private const int Council = 1;
    private const int Committee = 2;

    // A Monday, 10:00 in New York.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static string Preset(string file) => Path.Combine(AppContext.BaseDirectory, "Council", file);

    private static Task<BotHarness> StartAsync(FakeTimeProvider clock, Dictionary<string, string?> bodies)
    {
        var settings = new Dictionary<string, string?>(bodies)
        {
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        return BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>The 1718 Committee alone, its decision D1 circulated and under the no-objection procedure for five working days.</summary>
    private static async Task<BotHarness> CommitteeUnderNoObjectionAsync(FakeTimeProvider clock)
    {
        var bot = await StartAsync(clock, new() { ["Council:File"] = Preset("committee-1718-2026.json") });
        await bot.SeedMemberAsync(GrcHead, "GRC", DelegationRole.Head, "Aglaia", "America/New_York");
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", "America/New_York");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", "Europe/Paris");
        await bot.SeedMemberAsync(LvaHead, "LVA", DelegationRole.Head, "Sanita", "Europe/Riga");
        await bot.SeedMemberAsync(FraAdviser, "FRA", DelegationRole.Adviser, "Claire", "Europe/Paris", language: "fr");
        await bot.LinkGroupAsync("USA", UsaGroup);
        Assert.Contains("Created D1", (await AskAsync(bot, UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.")).PlainText, StringComparison.Ordinal);
        await AskAsync(bot, UsaHead, "/circulate D1 FRA LVA");
        Assert.Contains("under silence until", (await AskAsync(bot, GrcHead, "/silence D1 5wd")).PlainText, StringComparison.Ordinal);
        return bot;
    }

    /// <summary>The Council of 2026 and its 1718 Committee: Latvia's head on both, the United States' head on the Committee only.</summary>
    private static async Task<BotHarness> TwoBodiesAsync(FakeTimeProvider clock)
    {
        var bot = await StartAsync(clock, new()
        {
            ["Bodies:0:File"] = Preset("security-council-2026.json"),
            ["Bodies:1:File"] = Preset("committee-1718-2026.json"),
        });
        await bot.SeedMemberAsync(LvaHead, "LVA", DelegationRole.Head, "Sanita", timeZone: null, bodyId: Council);
        await bot.SeedMemberAsync(LvaHead, "LVA", DelegationRole.Head, "Sanita", timeZone: null, bodyId: Committee);
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", timeZone: null, bodyId: Committee);
        return bot;
    }

    /// <summary>Sends once every notice has gone, so the next message in the chat is the answer.</summary>
    private static async Task<SentMessage> AskAsync(BotHarness bot, long user, string text, long? chat = null)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        return await bot.AskAsync(user, text, chat);
    }

    private static bool Is(SentMessage message, string key) => CatalogueText.StartsWith(Languages.English, key, message.Text);

    private static bool IsGuideStep(SentMessage message) => CatalogueText.Contains(Languages.English, "Guide.Step", message.Text);

    [Fact]
    public async Task The_Hold_button_asks_why_and_the_committee_reads_the_reason_as_a_typed_hold_gives_it_listed_in_the_reader_s_language()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);
        const string Reason = "Awaiting instructions from <Paris>.\nThe capital reviews the annex.";

        // France's head opens the decision and taps Hold: the bot asks why, with a button for no reason.
        var card = await AskAsync(bot, FraHead, "/draft D1");
        var asked = await TapAsync(bot, FraHead, card, "Hold", IsGuideStep);
        Assert.Contains("Why does your delegation hold D1? Send the reason in one message: the committee will read it. Or tap “No reason”.", asked.PlainText, StringComparison.Ordinal);
        Assert.Equal(["No reason", "Cancel"], asked.Buttons.Select(b => b.Text));
        Assert.Empty(await ReadAsync(bot, db => db.DraftHolds.ToListAsync()));

        // The reason, in one message of two lines, places the hold at once.
        var held = await bot.AskForCatalogueAsync(FraHead, Reason, "Committees.Hold.Done");
        Assert.StartsWith("You placed a hold on D1. Its deadline is stopped with", held.PlainText, StringComparison.Ordinal);
        var byButton = await bot.MessageStartingWithCatalogueAsync(UsaGroup, "Committees.Hold.Notice");

        // Latvia types the same reason: the committee reads both alike, and both holds keep it whole.
        await AskAsync(bot, LvaHead, "/hold D1 " + Reason);
        var typed = await bot.MessageStartingWithCatalogueAsync(UsaGroup, "Committees.Hold.Notice", afterMessageId: byButton.MessageId);
        Assert.Contains("France (FRA)", byButton.PlainText, StringComparison.Ordinal);
        Assert.Contains("Latvia (LVA)", typed.PlainText, StringComparison.Ordinal);
        Assert.Equal(ReasonIn(typed), ReasonIn(byButton));
        // Whole, and with one full stop: the notice ends the sentence itself.
        Assert.Equal("Awaiting instructions from <Paris>.\nThe capital reviews the annex", ReasonIn(byButton));
        Assert.Contains("The capital reviews the annex. The deadline is stopped", byButton.PlainText, StringComparison.Ordinal);
        var holds = await ReadAsync(bot, db => db.DraftHolds.OrderBy(h => h.Id).ToListAsync());
        Assert.Equal([("FRA", Reason), ("LVA", Reason)], holds.Select(h => (h.DelegationCode, h.Reason)));

        // Two holders are listed as each reader's language lists them: "FRA, LVA" in English as before, "FRA et LVA" in French.
        Assert.Contains("under silence, on hold (held by FRA, LVA: the deadline is stopped)", (await AskAsync(bot, UsaHead, "/draft D1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("suspendu (par FRA et LVA : le délai est arrêté)", (await AskAsync(bot, FraAdviser, "/draft D1")).PlainText, StringComparison.Ordinal);
        Assert.Contains("suspendu (par FRA et LVA : le délai est arrêté)", (await AskAsync(bot, FraAdviser, "/drafts")).PlainText, StringComparison.Ordinal);
    }

    /// <summary>The reason as a hold's notice gives it: after "Reason: ", up to the deadline's sentence.</summary>
    private static string ReasonIn(SentMessage notice)
    {
        var text = notice.PlainText!;
        var start = text.IndexOf("Reason: ", StringComparison.Ordinal) + "Reason: ".Length;
        return text[start..text.IndexOf(". The deadline is stopped", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_penholder_s_own_Hold_button_leads_to_a_hold_because_the_procedure_lets_any_member_hold()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);

        // The procedure refuses neither a hold nor an objection to the penholder, so its buttons stay and lead somewhere.
        var card = await AskAsync(bot, UsaHead, "/draft D1");
        Assert.Contains("Break silence", Labels(card));
        var asked = await TapAsync(bot, UsaHead, card, "Hold", IsGuideStep);
        var held = await TapAsync(bot, UsaHead, asked, "No reason", m => Is(m, "Committees.Hold.Done"));
        Assert.StartsWith("You placed a hold on D1.", held.PlainText, StringComparison.Ordinal);
        var hold = await ReadAsync(bot, db => db.DraftHolds.SingleAsync());
        Assert.Equal(("USA", (string?)null), (hold.DelegationCode, hold.Reason));
        Assert.Contains("Reason: none given", (await bot.MessageStartingWithCatalogueAsync(LvaHead, "Committees.Hold.Notice")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_silence_from_a_member_of_two_bodies_asks_which_body_and_a_member_of_one_is_never_asked()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await TwoBodiesAsync(clock);
        Assert.Contains("Created D1", (await AskAsync(bot, LvaHead, "/draft_new unsc Council text on Haiti\nThe Security Council,")).PlainText, StringComparison.Ordinal);
        await AskAsync(bot, LvaHead, "/circulate D1");
        Assert.Contains("Created D2", (await AskAsync(bot, LvaHead, "/draft_new 1718 Exemption request 2026/7\nThe Committee approves the exemption request.")).PlainText, StringComparison.Ordinal);
        await AskAsync(bot, LvaHead, "/circulate D2");

        // Latvia sits on both: which body first, then the guide over that body's drafts only.
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var which = await bot.AskForCatalogueAsync(LvaHead, "/silence", "Bodies.Which");
        Assert.Equal(["Security Council", "1718 Committee"], which.Buttons.Select(b => b.Text));
        var committee = await TapAsync(bot, LvaHead, which, "1718 Committee", IsGuideStep);
        Assert.Equal(["D2 Exemption request 2026/7", "Cancel"], committee.Buttons.Select(b => b.Text));
        var council = await TapAsync(bot, LvaHead, which, "Security Council", IsGuideStep);
        Assert.Equal(["D1 Council text on Haiti", "Cancel"], council.Buttons.Select(b => b.Text));

        // The United States sits on the Committee alone: never asked.
        var direct = await AskAsync(bot, UsaHead, "/silence");
        Assert.True(IsGuideStep(direct), direct.PlainText);
        Assert.DoesNotContain(direct.Buttons, b => b.Text == "Security Council");
    }

    [Fact]
    public async Task Help_in_a_committee_offers_only_the_kinds_the_committee_uses_and_the_Council_s_reads_as_before()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await TwoBodiesAsync(clock);

        // The United States, on the Committee only: a decision is the one kind, in the usage line and the description.
        var drafts = await AskAsync(bot, UsaHead, "/help drafts");
        Assert.Contains("/kind D<n> <decision> — Penholder: set a draft's kind; a committee agrees decisions only", drafts.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("resolution|prst|press", drafts.PlainText, StringComparison.Ordinal);
        var one = await AskAsync(bot, UsaHead, "/help kind");
        Assert.StartsWith("/kind D<n> <decision> — Penholder: set a draft's kind; a committee agrees decisions only\n", one.PlainText, StringComparison.Ordinal);
        Assert.Contains("/kind D3 decision", one.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /kind D<n> <decision>, for example /kind D3 decision", (await AskAsync(bot, UsaHead, "/kind D1 communique")).PlainText, StringComparison.Ordinal);

        // In French, the committee's word.
        await AskAsync(bot, UsaHead, "/language fr");
        var french = await AskAsync(bot, UsaHead, "/help drafts");
        Assert.Contains("<décision> — Porte-plume : indiquer la nature d'un projet ; un comité n'adopte que des décisions", french.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("résolution|présidentielle|presse", french.PlainText, StringComparison.Ordinal);

        // Latvia's /help in a private chat acts in the Council, its first body: the Council's declaration, as always.
        var councilHelp = await AskAsync(bot, LvaHead, "/help kind");
        Assert.StartsWith("/kind D<n> <resolution|prst|press> — Penholder: say whether a draft is a resolution, a presidential statement or a press statement\n", councilHelp.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_menus_offer_no_blue_and_no_vote_opening_to_a_member_of_committees_only_and_a_typed_blue_is_still_refused_with_the_reason()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await TwoBodiesAsync(clock);
        Assert.Contains("Created D1", (await AskAsync(bot, UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.")).PlainText, StringComparison.Ordinal);

        // The United States, on the Committee only: neither /help nor its menu offers what a no-objection body always refuses.
        var overview = await AskAsync(bot, UsaHead, "/help");
        var drafts = await AskAsync(bot, UsaHead, "/help drafts");
        foreach (var help in new[] { overview, drafts })
        {
            Assert.DoesNotContain("/blue", help.PlainText, StringComparison.Ordinal);
            Assert.DoesNotContain("/vote_open", help.PlainText, StringComparison.Ordinal);
        }

        Assert.Contains("/kind", drafts.PlainText, StringComparison.Ordinal);
        var menus = bot.Services.GetRequiredService<CoordBot.Features.Menus.PersonalMenus>();
        menus.RefreshEveryone();
        await menus.Idle;
        var usaMenu = bot.Emulator.CommandsFor("chat", chatId: UsaHead).Select(c => c.Command).ToList();
        Assert.Contains("kind", usaMenu);
        Assert.DoesNotContain("blue", usaMenu);
        Assert.DoesNotContain("vote_open", usaMenu);

        // Typed anyway, /blue is refused with the procedure's reason, as before.
        var typed = await AskAsync(bot, UsaHead, "/blue D1");
        Assert.False(CatalogueText.StartsWith(Languages.English, "Help.Unknown", typed.Text), typed.PlainText);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // Latvia sits on the Council too: its /help (acting in the Council) and its menu offer /blue as they always did.
        Assert.Contains("/blue D<n> — Penholder: put a draft in blue (final text, locked for the vote)", (await AskAsync(bot, LvaHead, "/help drafts")).PlainText, StringComparison.Ordinal);
        Assert.Contains("blue", bot.Emulator.CommandsFor("chat", chatId: LvaHead).Select(c => c.Command));
    }

    [Fact]
    public async Task Silence_usage_names_the_working_day_form_in_help_and_in_the_usage_reply_in_each_language()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);
        const string English = "/silence D<n> <hours> | <working days>wd | <yyyy-mm-dd> <HH:mm> [IANA zone]";

        Assert.Contains(English + " — Chair or penholder: put a circulated draft under silence until a deadline", (await AskAsync(bot, GrcHead, "/help drafts")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith(English + " — ", (await AskAsync(bot, GrcHead, "/help silence")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: " + English, (await AskAsync(bot, GrcHead, "/silence D1 soon")).PlainText, StringComparison.Ordinal);
        // Other commands' usage is as it was.
        Assert.Contains("/extend D<n> <hours> | <yyyy-mm-dd> <HH:mm> [IANA zone]", (await AskAsync(bot, GrcHead, "/help drafts")).PlainText, StringComparison.Ordinal);

        foreach (var (language, form) in new[]
        {
            ("fr", "<jours ouvrables>wd"), ("es", "<días hábiles>wd"), ("ru", "<рабочие дни>wd"), ("zh", "<工作日数>wd"), ("ar", "<أيام العمل>wd"),
        })
        {
            await AskAsync(bot, GrcHead, "/language " + language);
            Assert.Contains(form, (await AskAsync(bot, GrcHead, "/help drafts")).PlainText, StringComparison.Ordinal);
            Assert.Contains(form, (await AskAsync(bot, GrcHead, "/help silence")).PlainText, StringComparison.Ordinal);
            Assert.Contains(form, (await AskAsync(bot, GrcHead, "/silence D1 soon")).PlainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Examples_in_help_and_in_the_usage_reply_are_in_the_reader_s_language_and_their_typed_words_are_understood()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);
        Assert.Contains("Example: /silence D3 24 (whole hours from 1 to 720), /silence D3 5wd", (await AskAsync(bot, GrcHead, "/help silence")).PlainText, StringComparison.Ordinal);

        var draft = 1;
        foreach (var (language, tomorrow) in new[] { ("fr", "demain"), ("es", "mañana"), ("ru", "завтра"), ("zh", "明天"), ("ar", "غدا") })
        {
            await AskAsync(bot, GrcHead, "/language " + language);
            foreach (var command in new[] { "silence", "extend", "amend", "draft", "join" })
            {
                var help = (await AskAsync(bot, GrcHead, "/help " + command)).PlainText!;
                Assert.Contains(Catalogue.Text(language, "Walk8.Example." + command), help, StringComparison.Ordinal);
                Assert.DoesNotContain("(whole hours", help, StringComparison.Ordinal);
                Assert.DoesNotContain(" or ", help, StringComparison.Ordinal);
            }

            Assert.Contains(Catalogue.Text(language, "Walk8.Example.silence"), (await AskAsync(bot, GrcHead, "/silence D1 soon")).PlainText, StringComparison.Ordinal);

            // The example's own words: a draft put under silence until "tomorrow 12:00 New York", as the reader writes tomorrow.
            draft++;
            await AskAsync(bot, UsaHead, $"/draft_new Exemption request {draft}\nThe Committee approves the request.");
            await AskAsync(bot, UsaHead, $"/circulate D{draft}");
            await bot.AskForCatalogueAsync(GrcHead, $"/silence D{draft} {tomorrow} 12:00 New York", "Drafts.Silence.Done", language: language);
            Assert.Equal(new DateTime(2026, 12, 8, 17, 0, 0, DateTimeKind.Utc), await ReadAsync(bot, db => db.Drafts.Where(d => d.Id == draft).Select(d => d.SilenceDeadlineUtc).SingleAsync()));
        }
    }

    [Fact]
    public async Task A_member_who_holds_reads_the_reply_alone_with_the_Lift_button_and_the_rest_of_the_delegation_and_the_committee_read_the_notice()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var (headMark, adviserMark, usaMark) = (bot.LastMessageId(FraHead), bot.LastMessageId(FraAdviser), bot.LastMessageId(UsaGroup));

        var held = await bot.AskForCatalogueAsync(FraHead, "/hold D1 Awaiting instructions.", "Committees.Hold.Done");
        Assert.Contains("Lift hold", Labels(held));
        await bot.MessageWithCatalogueAsync(FraAdviser, "Committees.Hold.Notice", "fr", adviserMark);
        await bot.MessageStartingWithCatalogueAsync(UsaGroup, "Committees.Hold.Notice", afterMessageId: usaMark);

        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var toHead = bot.Emulator.MessagesIn(FraHead).Where(m => m.MessageId > headMark).ToList();
        Assert.Equal(1, toHead.Count(m => Is(m, "Committees.Hold.Done")));
        Assert.Equal(0, toHead.Count(m => CatalogueText.Contains(Languages.English, "Committees.Hold.Notice", m.Text)));
        Assert.Equal(1, bot.Emulator.MessagesIn(FraAdviser).Count(m => m.MessageId > adviserMark && CatalogueText.Contains("fr", "Committees.Hold.Notice", m.Text)));

        // The reply's Lift button lifts the hold; the lifter too reads the reply alone, the adviser the notice.
        (headMark, adviserMark) = (bot.LastMessageId(FraHead), bot.LastMessageId(FraAdviser));
        var lifted = await TapAsync(bot, FraHead, held, "Lift hold", m => Is(m, "Committees.Lift.Done"));
        Assert.StartsWith("You lifted your hold on D1.", lifted.PlainText, StringComparison.Ordinal);
        Assert.Contains("Hold", Labels(lifted));
        await bot.MessageWithCatalogueAsync(FraAdviser, "Committees.Lift.Notice", "fr", adviserMark);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(FraHead).Where(m => m.MessageId > headMark), m => CatalogueText.Contains(Languages.English, "Committees.Lift.Notice", m.Text));
    }

    [Fact]
    public async Task Co_penholders_and_sponsors_are_listed_as_the_reader_s_language_lists_them_and_English_as_before()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommitteeUnderNoObjectionAsync(clock);
        const long DnkHead = 7706;
        await bot.SeedMemberAsync(DnkHead, "DNK", DelegationRole.Head, "Mette", "Europe/Copenhagen");
        await AskAsync(bot, UsaHead, "/circulate D1 DNK");
        await AskAsync(bot, UsaHead, "/copenholder D1 FRA");
        await AskAsync(bot, UsaHead, "/copenholder D1 GRC");
        await AskAsync(bot, LvaHead, "/sponsor D1");
        await AskAsync(bot, DnkHead, "/sponsor D1");

        var english = (await AskAsync(bot, UsaHead, "/draft D1")).PlainText;
        Assert.Contains("\nCo-penholders: France (FRA), Greece (GRC)\nSponsors: Latvia (LVA), Denmark (DNK)\n", english, StringComparison.Ordinal);
        var french = (await AskAsync(bot, FraAdviser, "/draft D1")).PlainText;
        Assert.Contains("France (FRA) et Grèce (GRC)", french, StringComparison.Ordinal);
        Assert.Contains("Lettonie (LVA) et Danemark (DNK)", french, StringComparison.Ordinal);
    }
}
