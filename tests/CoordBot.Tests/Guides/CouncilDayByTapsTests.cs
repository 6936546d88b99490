using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Guides;

/// <summary>
/// Issue 23's walk-through as one test: a whole council day (schedule, agenda, attendance, draft, circulation, a comment,
/// an amendment, silence, silence broken, blue, a vote) driven by the bot's own buttons. A bare command is chosen from the
/// menu; everything else is a tap, except what only words can say: the titles, the draft's text, the comment, the
/// amendment's text and the reason for breaking silence.
/// </summary>
public sealed class CouncilDayByTapsTests
{
    private static IReadOnlyList<string> Codes => TestCouncil.Codes;

    private static long Head(string code) => TestCouncil.HeadOf(code);

    [Fact]
    public async Task A_council_day_goes_through_by_taps_typing_only_titles_texts_the_comment_and_the_reason()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500", ["Voting:EarlyCloseGrace"] = "00:10:00" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        var delivered = bot.Services.GetRequiredService<DeliveryStatus>();
        const long chair = BotHarness.OperatorId;
        var estonia = Head("EST");
        var france = Head("FRA");
        var typed = new List<string>();

        // Schedule: day, zone (the chair never gave one: asked once), time and format by taps; the title typed.
        var day = await GuideAsync(bot, chair, "/schedule");
        var zone = await TapAsync(bot, chair, day, b => b.Text.StartsWith("Tomorrow", StringComparison.Ordinal), edited: true);
        var time = await TapAsync(bot, chair, zone, b => b.CallbackData == "g:z:UTC", edited: true);
        var format = await TapAsync(bot, chair, time, b => b.Text == "15:00", edited: true);
        await TapAsync(bot, chair, format, b => b.Text == "closed", edited: true);
        var schedule = await TypeAsync(bot, chair, "Situation in the Middle East", typed);
        var scheduled = await TapAsync(bot, chair, schedule, b => b.CallbackData == "g:ok", reply: m => Is(m, "Sessions.Scheduled"));
        Assert.StartsWith("Scheduled S1", scheduled.PlainText, StringComparison.Ordinal);

        // Agenda: the session by a tap, the item's title typed.
        var agenda = await GuideAsync(bot, chair, "/agenda_add");
        await TapAsync(bot, chair, agenda, b => b.CallbackData == "g:0:S1", edited: true);
        var item = await TypeAsync(bot, chair, "The situation in the Middle East, including the Palestinian question", typed);
        await TapAsync(bot, chair, item, b => b.CallbackData == "g:ok", reply: m => m.PlainText!.Contains("A1", StringComparison.Ordinal));

        // Attendance: the announcement's own button, marked where it was pressed.
        await delivered.WhenIdleAsync(CancellationToken.None);
        var announcement = await bot.ReplyAsync(france, m => m.Buttons.Any(b => b.CallbackData == "att:1:y"));
        await TapAsync(bot, france, announcement, b => b.CallbackData == "att:1:y", edited: true);
        Assert.Equal(1, await ReadAsync(bot, db => db.SessionAttendances.CountAsync()));

        // Draft: title and text typed, then confirmed by a tap.
        await GuideAsync(bot, estonia, "/draft_new");
        Assert.Contains("step 2 of 2: Text", (await TypeAsync(bot, estonia, "Press statement on cyber security", typed, Step)).PlainText, StringComparison.Ordinal);
        var draftSummary = await TypeAsync(bot, estonia, "The Council condemns malicious cyber activities.\nIt calls on all States to cooperate.", typed);
        var created = await TapAsync(bot, estonia, draftSummary, b => b.CallbackData == "g:ok", reply: m => m.Buttons.Any(b => b.CallbackData == "r:circulate D1"));

        // Circulation by the button under the new draft; France receives its copy with Comment and Amend.
        await TapAsync(bot, estonia, created, b => b.CallbackData == "r:circulate D1", reply: m => m.PlainText!.Contains("D1", StringComparison.Ordinal));
        var copy = await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Circulated");
        Assert.StartsWith("Circulated by Estonia (EST), penholder:", copy.PlainText, StringComparison.Ordinal);

        // A comment and an amendment, each from its button under France's copy (never asked again which draft).
        Assert.Contains("step 2 of 2: Comment", (await TapAsync(bot, france, copy, b => b.CallbackData == "r:comment D1", reply: Step)).PlainText, StringComparison.Ordinal);
        var commentSummary = await TypeAsync(bot, france, "We would prefer a shorter text.", typed);
        var commented = await TapAsync(bot, france, commentSummary, b => b.CallbackData == "g:ok", reply: m => Is(m, "Drafts.Comment.Done"));
        Assert.StartsWith("Your comment on D1 v1", commented.PlainText, StringComparison.Ordinal);
        Assert.Contains("step 2 of 2", (await TapAsync(bot, france, copy, b => b.CallbackData == "r:amend D1", reply: Step)).PlainText, StringComparison.Ordinal);
        var amendSummary = await TypeAsync(bot, france, "§2 It calls on all States to cooperate fully.", typed);
        await TapAsync(bot, france, amendSummary, b => b.CallbackData == "g:ok", reply: m => m.PlainText!.Contains("M1", StringComparison.Ordinal));

        // The penholder accepts the amendment and makes v2 with it, both by the buttons the bot sends.
        var proposed = await bot.ReplyAsync(estonia, m => m.Buttons.Any(b => b.CallbackData == "r:accept M1"));
        var offer = await TapAsync(bot, estonia, proposed, b => b.CallbackData == "r:accept M1", reply: m => m.Buttons.Any(b => b.CallbackData!.StartsWith("r:apply D1", StringComparison.Ordinal)));
        var applied = await TapAsync(bot, estonia, offer, b => b.CallbackData!.StartsWith("r:apply D1", StringComparison.Ordinal), reply: m => Is(m, "Drafting.Apply.Done"));
        Assert.StartsWith("D1 is now at version 2", applied.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, await ReadAsync(bot, db => db.Drafts.Select(d => d.CurrentVersion).SingleAsync()));

        // Silence: how long, by a tap; confirmed by a tap.
        await delivered.WhenIdleAsync(CancellationToken.None);
        var withSilence = await LatestWithAsync(bot, estonia, "r:silence D1");
        var hours = await TapAsync(bot, estonia, withSilence, b => b.CallbackData == "r:silence D1", reply: m => m.Buttons.Any(b => b.CallbackData == "g:1:24"));
        var silenceSummary = await TapAsync(bot, estonia, hours, b => b.CallbackData == "g:1:24", edited: true);
        await TapAsync(bot, estonia, silenceSummary, b => b.CallbackData == "g:ok", reply: m => CatalogueText.Matches("en", "Drafts.Silence.Done", m.Text));
        Assert.Equal(DraftStatus.UnderSilence, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // France breaks silence from the notice's button; the reason typed is the act.
        var notice = await bot.MessageStartingWithCatalogueAsync(france, "Drafts.Silence.Notice");
        Assert.StartsWith("Silence procedure", notice.PlainText, StringComparison.Ordinal);
        var why = await TapAsync(bot, france, notice, b => b.CallbackData == "r:breaksilence D1", reply: m => CatalogueText.Contains(Languages.English, "Guidance.BreakSilenceReason", m.Text));
        Assert.Contains("Why does your delegation break silence on D1?", why.PlainText, StringComparison.Ordinal);
        var broken = await TypeAsync(bot, france, "Paris needs the word \"ceasefire\".", typed, m => Is(m, "Drafts.BreakSilence.Done"));
        Assert.StartsWith("You broke silence on D1", broken.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // Blue: the button asks first and shows the objection still unanswered; the second tap puts v2 in blue.
        await delivered.WhenIdleAsync(CancellationToken.None);
        var withBlue = await LatestWithAsync(bot, estonia, "r:blue D1 check");
        var ask = await TapAsync(bot, estonia, withBlue, b => b.CallbackData == "r:blue D1 check", reply: m => m.Buttons.Any(b => b.CallbackData == "r:blue D1 v2"));
        Assert.Contains("Paris needs the word \"ceasefire\".", ask.PlainText, StringComparison.Ordinal);
        var blue = await TapAsync(bot, estonia, ask, b => b.CallbackData == "r:blue D1 v2", reply: m => Is(m, "Drafts.Blue.Done"));
        Assert.StartsWith("D1 v2 is in blue", blue.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.InBlue, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // The vote: the chair opens it by taps; every head votes with their ballot's button; the chair closes it early.
        var which = await GuideAsync(bot, chair, "/vote_open");
        var matter = await TapAsync(bot, chair, which, b => b.CallbackData == "g:0:D1", edited: true);
        var length = await TapAsync(bot, chair, matter, b => b.CallbackData == "g:1:substantive", edited: true);
        var voteSummary = await TapAsync(bot, chair, length, b => b.CallbackData!.StartsWith("g:2:", StringComparison.Ordinal), edited: true);
        var mark = bot.LastMessageId(chair);
        bot.Emulator.PressButton(chair, chair, voteSummary.MessageId, "g:ok");
        foreach (var code in Codes)
        {
            var ballot = await bot.ReplyAsync(Head(code), m => m.Buttons.Any(b => b.CallbackData!.StartsWith(VotingService.ButtonPrefix + ":", StringComparison.Ordinal) && b.CallbackData.EndsWith(":y", StringComparison.Ordinal)));
            bot.Emulator.PressButton(Head(code), Head(code), ballot.MessageId, ballot.Buttons.First(b => b.CallbackData!.EndsWith(":y", StringComparison.Ordinal)).CallbackData!);
            // Each ballot's receipt before the next press: every wait covers one press, so a loaded machine that handles
            // them slowly is never asked to handle all fifteen within one wait's patience.
            await bot.MessageFromCatalogueAsync(Head(code), "Voting.Receipt.Yes", afterMessageId: ballot.MessageId);
        }

        var everyone = await bot.ReplyAsync(chair, m => m.MessageId > mark && m.Buttons.Any(b => b.CallbackData!.StartsWith(VotingService.CloseButtonPrefix + ":", StringComparison.Ordinal)));
        bot.Emulator.PressButton(chair, chair, everyone.MessageId, everyone.Buttons.First(b => b.CallbackData!.StartsWith(VotingService.CloseButtonPrefix + ":", StringComparison.Ordinal)).CallbackData!);
        var result = await bot.VoteResultAsync(chair, afterMessageId: everyone.MessageId);
        Assert.StartsWith("Result of the vote on D1", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("adopted", result.PlainText, StringComparison.OrdinalIgnoreCase);

        // What was typed: the session's and the item's titles, the draft's title and text, the comment, the amendment, the reason.
        Assert.Equal(7, typed.Count);
        foreach (var chat in new[] { chair, estonia, france })
        {
            // Recognised by the catalogue, so a rewording cannot make this pass unnoticed; "Usage: " stands for the usage lines inside other refusals.
            Assert.DoesNotContain(bot.Emulator.MessagesIn(chat), m => Is(m, "Router.CommandsOnly") || CatalogueText.Contains(Languages.English, "Usage.Line", m.Text) || m.PlainText!.Contains("Usage: ", StringComparison.Ordinal));
        }
    }

    /// <summary>Presses the first button of <paramref name="message"/> that <paramref name="which"/> picks; waits for the message to be edited, a reply that matches, or (neither given) the next new message.</summary>
    private static async Task<SentMessage> TapAsync(
        BotHarness bot, long user, SentMessage message, Func<(string Text, string? CallbackData), bool> which, bool edited = false, Func<SentMessage, bool>? reply = null)
    {
        var button = message.Buttons.FirstOrDefault(b => b.CallbackData is not null && which(b));
        Assert.True(button.CallbackData is not null, $"No such button on: {message.PlainText}\nButtons: {string.Join(" | ", message.Buttons.Select(b => $"{b.Text} ({b.CallbackData})"))}");
        var last = bot.LastMessageId(message.ChatId);
        bot.Emulator.PressButton(message.ChatId, user, message.MessageId, button.CallbackData!);
        return edited
            ? await bot.ReplyAsync(message.ChatId, m => m.MessageId == message.MessageId && m.EditCount > message.EditCount)
            : await bot.ReplyAsync(message.ChatId, m => m.MessageId > last && (reply is null || reply(m)));
    }

    /// <summary>Types the answer to the question asked last in the person's private chat; waits for what comes next.</summary>
    private static async Task<SentMessage> TypeAsync(BotHarness bot, long user, string text, List<string> typed, Func<SentMessage, bool>? reply = null)
    {
        typed.Add(text);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var last = bot.LastMessageId(user);
        bot.Send(user, text);
        return await bot.ReplyAsync(user, m => m.MessageId > last && (reply ?? Summary)(m));
    }

    /// <summary>A bare command chosen from the menu; waits for its guide's first step.</summary>
    private static async Task<SentMessage> GuideAsync(BotHarness bot, long user, string command)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var last = bot.LastMessageId(user);
        bot.Send(user, command);
        var first = await bot.ReplyAsync(user, m => m.MessageId > last && Step(m));
        Assert.Contains($"{command}, step 1 of", first.PlainText, StringComparison.Ordinal);
        return first;
    }

    /// <summary>The guide's summary, waiting for Confirm.</summary>
    private static bool Summary(SentMessage message) => message.Buttons.Any(b => b.CallbackData == "g:ok");

    /// <summary>A guide's question: it holds the step's heading (the test then checks which step it names).</summary>
    private static bool Step(SentMessage message) => CatalogueText.Contains(Languages.English, "Guide.Step", message.Text);

    /// <summary>A message written from the catalogue entry <paramref name="key"/> (it begins with it).</summary>
    private static bool Is(SentMessage message, string key) => CatalogueText.StartsWith(Languages.English, key, message.Text);

    private static async Task<SentMessage> LatestWithAsync(BotHarness bot, long chat, string data)
    {
        await bot.ReplyAsync(chat, m => m.Buttons.Any(b => b.CallbackData == data));
        return bot.Emulator.MessagesIn(chat).Where(m => !m.Deleted && m.Buttons.Any(b => b.CallbackData == data)).MaxBy(m => m.MessageId)!;
    }

    private static async Task<T> ReadAsync<T>(BotHarness bot, Func<CoordBotDb, Task<T>> read)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await read(db);
    }
}
