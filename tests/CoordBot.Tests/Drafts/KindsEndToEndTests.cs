using System.Text;
using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Drafts.DraftsByButtonsTests;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// Issue 24 item 9 through the emulator: each kind of text takes its own path (a press statement is adopted when its
/// silence ends, a presidential statement when the president reads it at a meeting, a resolution by vote) and the
/// adopted text carries its symbol, numbered from the configured next number, in every message and the record.
/// </summary>
public sealed class KindsEndToEndTests
{
    private const long EstHead = 4101;
    private const long FraHead = 4102;
    private const long ChnHead = 4103;

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static async Task<BotHarness> CouncilAsync(FakeTimeProvider clock)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GlobalPerSecond"] = "500",
            ["Symbols:NextPressStatement"] = "16250",
            ["Symbols:NextPresidentialStatement"] = "2026/7",
        };
        var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas");
        await bot.SeedMemberAsync(ChnHead, "CHN", DelegationRole.Head, "Jun");
        Assert.Contains("will preside", (await bot.AskAsync(BotHarness.OperatorId, "/setpresident CHN 2026-11")).PlainText, StringComparison.Ordinal);
        return bot;
    }

    /// <summary>
    /// Sends <paramref name="text"/> once every notice has gone, so the next message in the chat is the answer; then
    /// checks that it says <paramref name="contains"/> (a rewording shows as a difference, not as a wait that times out).
    /// </summary>
    private static async Task<SentMessage> AskAsync(BotHarness bot, long user, string text, string contains)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var reply = await bot.AskAsync(user, text);
        Assert.Contains(contains, reply.PlainText, StringComparison.Ordinal);
        return reply;
    }

    private static Task<Draft1> DraftAsync(BotHarness bot) =>
        ReadAsync(bot, db => db.Drafts.AsNoTracking().Select(d => new Draft1(d.Kind, d.Status, d.Symbol)).SingleAsync());

    private sealed record Draft1(DraftKind Kind, DraftStatus Status, string? Symbol);

    [Fact]
    public async Task A_press_statement_chosen_by_its_button_is_adopted_when_silence_ends_and_carries_its_press_release_symbol()
    {
        var clock = new FakeTimeProvider(Now);
        await using var bot = await CouncilAsync(clock);

        var created = await AskAsync(bot, EstHead, "/draft_new Press statement on the Sahel\nThe Council welcomes the agreement.\nIt calls for calm.", "Created D1");
        Assert.Contains("Make it a press statement", Labels(created));
        Assert.Contains("Make it a presidential statement", Labels(created));
        Assert.Equal(DraftKind.Resolution, (await DraftAsync(bot)).Kind);

        var made = await TapAsync(bot, EstHead, created, "Make it a press statement", m => CatalogueText.Matches(Languages.English, "Kinds.Changed", m.Text));
        Assert.StartsWith("D1 · Press statement on the Sahel is now", made.PlainText, StringComparison.Ordinal);
        Assert.Equal("D1 · Press statement on the Sahel is now a press statement: it is agreed under silence and adopted when the silence ends with no objection.", made.PlainText);
        Assert.Equal(DraftKind.PressStatement, (await DraftAsync(bot)).Kind);

        await AskAsync(bot, EstHead, "/circulate D1 FRA,CHN", "circulated");
        // A press statement is never put in blue or voted; the refusal names why, in the domain's words.
        Assert.Equal("D1 is a draft press statement: it is agreed under silence, not put to a vote.", (await AskAsync(bot, EstHead, "/blue D1", "D1 is")).PlainText);
        var read = await AskAsync(bot, EstHead, "/draft D1", "Kind:");
        Assert.Contains("Kind: press statement", read.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Put in blue", Labels(read));

        await AskAsync(bot, EstHead, "/silence D1 2", "under silence until");
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var agreed = await bot.MessageStartingWithCatalogueAsync(FraHead, "Drafts.Silence.Agreed");
        Assert.Contains("is agreed under silence", agreed.PlainText, StringComparison.Ordinal);
        Assert.Contains("The press statement is adopted and issued as press release SC/16250.", agreed.PlainText, StringComparison.Ordinal);
        Assert.Equal(new Draft1(DraftKind.PressStatement, DraftStatus.Adopted, "SC/16250"), await DraftAsync(bot));

        var after = await AskAsync(bot, FraHead, "/draft D1", "Kind:");
        Assert.Contains("Status: adopted", after.PlainText, StringComparison.Ordinal);
        Assert.Contains("Kind: press statement; adopted as SC/16250", after.PlainText, StringComparison.Ordinal);
        Assert.Contains("D1 was adopted: it can no longer change.", (await AskAsync(bot, EstHead, "/kind D1 resolution", "D1 was")).PlainText, StringComparison.Ordinal);
        var audit = await ReadAsync(bot, db => db.AuditEntries.Where(a => a.Action == "draft.adopted").Select(a => a.Details).SingleAsync());
        Assert.Contains("adopted as SC/16250 (PressStatement, agreed under silence)", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_presidential_statement_is_agreed_under_silence_and_adopted_only_when_the_chair_records_its_reading_at_a_meeting()
    {
        var clock = new FakeTimeProvider(Now);
        await using var bot = await CouncilAsync(clock);
        await AskAsync(bot, EstHead, "/draft_new Statement on the Great Lakes\nThe Council reaffirms its support.", "Created D1");
        var typed = await AskAsync(bot, EstHead, "/kind D1 prst", "D1 ·");
        Assert.Equal("D1 · Statement on the Great Lakes is now a presidential statement: it is agreed by consensus under silence, then adopted when the president reads it at a meeting (/adopt).", typed.PlainText);
        Assert.StartsWith("Usage: /kind D<n> <resolution|prst|press>, for example /kind D3 prst", (await AskAsync(bot, EstHead, "/kind D1 communique", "Usage")).PlainText, StringComparison.Ordinal);
        await AskAsync(bot, EstHead, "/circulate D1 FRA,CHN", "circulated");
        await AskAsync(bot, BotHarness.OperatorId, "/schedule 2026-11-24 14:00 UTC open Briefing on the Great Lakes", "S1");

        // Not yet agreed, and not voted: the kind and the state each say why.
        Assert.Equal("D1 has not been agreed: it is read at a meeting once agreed under silence.", (await AskAsync(bot, ChnHead, "/adopt D1 S1", "D1")).PlainText);
        Assert.Equal("D1 is a draft presidential statement: it is agreed by consensus and read out at a meeting, not put to a vote.", (await AskAsync(bot, EstHead, "/blue D1", "D1 is")).PlainText);

        await AskAsync(bot, EstHead, "/silence D1 2", "under silence until");
        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var agreed = await bot.MessageStartingWithCatalogueAsync(FraHead, "Drafts.Silence.Agreed");
        Assert.Contains("is agreed under silence", agreed.PlainText, StringComparison.Ordinal);
        Assert.Contains("It is a presidential statement: the president adopts it by reading it at a meeting, then records that with /adopt D1 S<n>.", agreed.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.AgreedUnderSilence, (await DraftAsync(bot)).Status);

        // Before the meeting has begun; by someone who is not the chair: nothing changes.
        Assert.StartsWith("S1 begins", (await AskAsync(bot, ChnHead, "/adopt D1 S1", "S1")).PlainText, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromHours(2));
        await AskAsync(bot, FraHead, "/adopt D1 S1", "president");
        Assert.Equal(new Draft1(DraftKind.PresidentialStatement, DraftStatus.AgreedUnderSilence, null), await DraftAsync(bot));

        // The chair's own view of the draft carries the button; it asks at which meeting, then adopts on Confirm.
        var view = await AskAsync(bot, ChnHead, "/draft D1", "Kind:");
        var question = await TapAsync(bot, ChnHead, view, "Adopt (read at a meeting)", m => CatalogueText.Contains(Languages.English, "Kinds.Guide.Session", m.Text));
        Assert.Contains("At which meeting did the president read it?", question.PlainText, StringComparison.Ordinal);
        // The answer turns the question into the summary, in place.
        bot.Emulator.PressButton(ChnHead, ChnHead, question.MessageId, question.Buttons.Single(b => b.Text == "S1 Briefing on the Great Lakes").CallbackData!);
        var summary = await bot.EditedAsync(ChnHead, question.MessageId, m => m.Buttons.Any(b => b.CallbackData == "g:ok"));
        Assert.Contains("Confirm", summary.Buttons.Select(b => b.Text));
        Assert.Contains("This sends /adopt D1 S1", summary.PlainText, StringComparison.Ordinal);
        var done = await TapAsync(bot, ChnHead, summary, "Confirm", m => CatalogueText.StartsWith(Languages.English, "Kinds.Adopt.Done", m.Text));
        Assert.Equal("D1 is adopted as presidential statement S/PRST/2026/7, read at S1. Every delegation that reads it has been told.", done.PlainText);
        var notice = await bot.MessageStartingWithCatalogueAsync(FraHead, "Kinds.Prst.Adopted");
        Assert.StartsWith("D1 v1 · Statement on the Great Lakes is adopted as presidential statement S/PRST/2026/7: the president read it at S1 · Briefing on the Great Lakes", notice.PlainText, StringComparison.Ordinal);
        Assert.Equal(new Draft1(DraftKind.PresidentialStatement, DraftStatus.Adopted, "S/PRST/2026/7"), await DraftAsync(bot));
        Assert.Contains("Kind: presidential statement; adopted as S/PRST/2026/7", (await AskAsync(bot, FraHead, "/draft D1", "Kind:")).PlainText, StringComparison.Ordinal);

        // Read once: a second adoption is refused by the draft's state.
        Assert.Equal("D1 was adopted: it can no longer change.", (await AskAsync(bot, ChnHead, "/adopt D1 S1", "D1 was adopted")).PlainText);
    }

    [Fact]
    public async Task A_resolution_adopted_by_vote_receives_the_next_resolution_number_in_the_result_the_record_and_the_audit()
    {
        var fast = new Dictionary<string, string?>
        {
            ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500",
            ["Symbols:NextResolution"] = "2801",
        };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);
        var estonia = TestCouncil.HeadOf("EST");
        var year = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
        var symbol = $"S/RES/2801 ({year})";
        await bot.AskAsync(estonia, "/draft_new Cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        Assert.Contains("in blue", (await bot.AskAsync(estonia, "/blue D1")).PlainText, StringComparison.OrdinalIgnoreCase);

        // The vote is the chair's next step: the presiding delegation's notice offers it, and the button asks only what is
        // left (the matter, then the hours); no other delegation's notice offers it.
        var president = await CoordBot.Tests.Voting.VotingTestKit.PresidentAsync(bot);
        var chair = TestCouncil.HeadOf(president);
        static bool InBlue(SentMessage m) => CatalogueText.StartsWith(Languages.English, "Drafts.Blue.Notice", m.Text);
        var notice = await bot.ReplyAsync(chair, InBlue);
        Assert.Contains("is in blue", notice.PlainText, StringComparison.Ordinal);
        Assert.Contains(("Open the vote", "r:vote_open D1"), notice.Buttons);
        var other = TestCouncil.HeadOf(TestCouncil.Codes.First(c => c != president && c != "EST"));
        Assert.DoesNotContain((await bot.ReplyAsync(other, InBlue)).Buttons, b => b.CallbackData == "r:vote_open D1");
        bot.Emulator.PressButton(chair, chair, notice.MessageId, "r:vote_open D1");
        var matter = await bot.MessageWithCatalogueAsync(chair, "Guide.Step", afterMessageId: notice.MessageId);
        Assert.Contains("/vote_open, step 2 of 3", matter.PlainText, StringComparison.Ordinal);
        bot.Emulator.PressButton(chair, chair, matter.MessageId, "g:cancel");

        Assert.Contains("Voting opened on D1 v1", (await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h")).PlainText, StringComparison.Ordinal);
        foreach (var code in TestCouncil.Codes)
        {
            await bot.AskAsync(TestCouncil.HeadOf(code), "/vote D1 yes");
        }

        var result = await bot.MessageWithCatalogueAsync(estonia, "Voting.ResultHeading.Substantive");
        Assert.Equal($"Adopted as resolution {symbol}", result.PlainText!.Split('\n')[2]);
        Assert.Equal(symbol, await ReadAsync(bot, db => db.Drafts.Select(d => d.Symbol).SingleAsync()));

        var last = bot.LastMessageId(estonia);
        bot.Send(estonia, "/record D1");
        var record = await bot.ReplyAsync(estonia, m => m.MessageId > last && m.DocumentName == "D1-v1-vote-record.txt");
        Assert.Contains($"Symbol: {symbol}", Encoding.UTF8.GetString(record.DocumentContent!), StringComparison.Ordinal);
        var audit = await AskAsync(bot, estonia, "/audit D1", "Adopted as resolution");
        Assert.Contains($"Adopted as resolution {symbol}.", audit.PlainText, StringComparison.Ordinal);
        Assert.Contains($"Kind: resolution; adopted as {symbol}", (await AskAsync(bot, estonia, "/draft D1", "Kind:")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kinds_are_named_in_the_readers_language_and_never_by_their_code()
    {
        var clock = new FakeTimeProvider(Now);
        await using var bot = await CouncilAsync(clock);
        await AskAsync(bot, EstHead, "/draft_new Déclaration\nLe Conseil salue l'accord.", "Created D1");
        await bot.AskAsync(EstHead, "/language fr");
        var changed = await AskAsync(bot, EstHead, "/kind D1 presse", "D1 ·");
        Assert.Equal("D1 · Déclaration est désormais une déclaration à la presse : le texte est arrêté selon la procédure d'approbation tacite et adopté si personne ne s'y oppose avant l'échéance.", changed.PlainText);
        var read = await AskAsync(bot, EstHead, "/draft D1", "Nature");
        Assert.Contains("Nature : déclaration à la presse", read.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("PressStatement", read.PlainText, StringComparison.Ordinal);
    }
}
