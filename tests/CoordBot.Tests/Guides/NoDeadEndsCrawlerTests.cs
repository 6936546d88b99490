using System.Globalization;
using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Guides;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Guides;

/// <summary>
/// Issue 23's crawler: a council day driven through the emulator by several roles, then every callback button the bot
/// sent in the chats of a penholder, a commenting delegation, a third delegation, two delegation groups and the chair is
/// pressed, by its addressee and (in a group) by another member: each press is answered and yields an action, a next
/// step or a reason, never a dead end (commands-only, a usage line, or silence); and every question a press opened is
/// answered by typing, as a person would (the next private message; in a group, a reply), and must be taken.
/// </summary>
public sealed class NoDeadEndsCrawlerTests
{
    private const long EstGroup = -100201;
    private const long FraGroup = -100202;
    private const long EstAdviser = 9201;
    private const long FraAdviser = 9202;

    private static IReadOnlyList<string> Codes => TestCouncil.Codes;

    private static long Head(string code) => TestCouncil.HeadOf(code);

    [Fact]
    public async Task Every_button_of_a_council_day_pressed_by_its_addressee_or_another_member_leads_somewhere()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        await bot.SeedMemberAsync(EstAdviser, "EST", DelegationRole.Adviser);
        await bot.SeedMemberAsync(FraAdviser, "FRA", DelegationRole.Adviser);
        await bot.LinkGroupAsync("EST", EstGroup);
        await bot.LinkGroupAsync("FRA", FraGroup);
        var delivered = bot.Services.GetRequiredService<DeliveryStatus>();
        var estonia = Head("EST");
        var france = Head("FRA");
        var china = Head("CHN");

        // The day: the chair schedules, Estonia drafts and circulates, France comments and amends, Estonia starts silence.
        var day = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await bot.AskAsync(BotHarness.OperatorId, $"/schedule {day} 15:00 UTC closed Situation in the Middle East");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.\n\nIt calls on all States to cooperate.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(france, "/comment D1 We would prefer a shorter text.", FraGroup);
        await bot.AskAsync(france, "/amend D1 §2 It calls on all States to cooperate fully.");
        await bot.AskAsync(china, "/comment");
        await bot.AskAsync(estonia, "/silence D1 24");
        await delivered.WhenIdleAsync(CancellationToken.None);

        var addressees = new Dictionary<long, (long Addressee, long? Other)>
        {
            [estonia] = (estonia, null),
            [france] = (france, null),
            [china] = (china, null),
            [BotHarness.OperatorId] = (BotHarness.OperatorId, null),
            [EstGroup] = (estonia, EstAdviser),
            [FraGroup] = (france, FraAdviser),
        };
        var buttons = addressees.Keys
            .SelectMany(chat => bot.Emulator.MessagesIn(chat).Where(m => !m.Deleted).SelectMany(m => m.Buttons.Where(b => b.CallbackData is not null).Select(b => (Chat: chat, Message: m.MessageId, b.Text, Data: b.CallbackData!))))
            .ToList();
        Assert.True(buttons.Count >= 20, $"The day left only {buttons.Count} buttons to press.");
        Assert.Contains(buttons, b => b.Data.StartsWith("att:", StringComparison.Ordinal));
        Assert.Contains(buttons, b => b.Data.StartsWith("g:", StringComparison.Ordinal));
        Assert.Contains(buttons, b => b.Data == "r:breaksilence D1");

        var deadEnds = new List<string>();
        var answered = new List<string>();
        foreach (var (chat, messageId, label, data) in buttons)
        {
            var (addressee, other) = addressees[chat];
            foreach (var presser in other is { } second ? new[] { addressee, second } : [addressee])
            {
                var watched = new[] { chat, presser }.Distinct().ToList();
                var before = watched.SelectMany(c => bot.Emulator.MessagesIn(c)).ToDictionary(m => (m.ChatId, m.MessageId), m => m.EditCount);
                if (!bot.Emulator.MessagesIn(chat).Any(m => m.MessageId == messageId && !m.Deleted && m.Buttons.Any(b => b.CallbackData == data)))
                {
                    continue; // an earlier press changed this message: its button is gone (a guide moved on, an answer was marked)
                }

                var press = bot.Emulator.PressButton(chat, presser, messageId, data);
                var answer = await bot.Emulator.WaitForCallbackAnswerAsync(press, BotHarness.Patience);
                await delivered.WhenIdleAsync(CancellationToken.None);
                var changed = watched.SelectMany(c => bot.Emulator.MessagesIn(c))
                    .Where(m => !before.TryGetValue((m.ChatId, m.MessageId), out var edits) || edits != m.EditCount)
                    .ToList();
                var where = $"'{label}' ({data}) on #{messageId} in {chat}, pressed by {presser}";
                if (answer.Text is null && changed.Count == 0)
                {
                    deadEnds.Add($"{where}: answered with nothing and nothing changed");
                }

                foreach (var text in changed.Select(m => m.PlainText ?? string.Empty).Append(answer.Text ?? string.Empty))
                {
                    // A placeholder (D<n>, <reason>) is a usage line in disguise: the person is sent to type what the button knew.
                    if (text.StartsWith("I understand commands only", StringComparison.Ordinal) || text.Contains("Usage: ", StringComparison.Ordinal)
                        || Regex.IsMatch(text, "<[A-Za-z|]+>"))
                    {
                        deadEnds.Add($"{where}: {text}");
                    }
                }

                await AnswerEveryQuestionAsync(bot, chat, presser, where, deadEnds, answered);
            }
        }

        Assert.True(deadEnds.Count == 0, string.Join('\n', deadEnds));
        Assert.True(answered.Count >= 5, $"Only {answered.Count} questions were asked and answered by typing: {string.Join(" | ", answered)}");
    }

    /// <summary>
    /// The questions a press opened for <paramref name="presser"/> in <paramref name="chat"/>, each answered as a person
    /// would by typing: the next private message, or in a group a reply to the question. A step with buttons is answered
    /// by writing one of them, any other by a sentence. Each answer must be taken: the guide moves on (or acts), and the
    /// reply is neither "commands only" nor a "not one of the choices" refusal.
    /// </summary>
    private static async Task AnswerEveryQuestionAsync(BotHarness bot, long chat, long presser, string where, List<string> deadEnds, List<string> answered)
    {
        var delivered = bot.Services.GetRequiredService<DeliveryStatus>();
        var runner = bot.Services.GetRequiredService<GuideRunner>();
        for (var asked = 0; asked < 6; asked++)
        {
            var before = await GuideOfAsync(bot, chat, presser);
            if (before is null || runner.For(before.Command) is not { } guide || before.Step >= guide.Steps.Count)
            {
                return; // no question waits for this person here (none was asked, or only the summary's buttons remain)
            }

            // The question: the latest message here that asks (a step's buttons, or a ForceReply in a group).
            var question = bot.Emulator.MessagesIn(chat)
                .Where(m => !m.Deleted && (m.ForceReply || m.Buttons.Any(b => b.CallbackData is { } d && d.StartsWith("g:", StringComparison.Ordinal) && d != "g:cancel")))
                .MaxBy(m => m.MessageId)
                ?? bot.Emulator.MessagesIn(chat).Where(m => !m.Deleted).MaxBy(m => m.MessageId);
            var choice = question?.Buttons.Select(b => b.CallbackData).FirstOrDefault(d => d is not null && Regex.IsMatch(d, "^g:(\\d+|z):"));
            var text = choice is null ? "A plain answer, typed as a person would." : choice.Split(':', 3)[2];
            var zoneBefore = await ZoneSetAtAsync(bot, presser);
            var last = bot.LastMessageId(chat);
            if (chat == presser)
            {
                bot.Emulator.SendText(chat, presser, text);
            }
            else
            {
                bot.Emulator.SendReply(chat, presser, question!.MessageId, text);
            }

            await bot.ReplyAsync(chat, m => m.MessageId > last);
            await delivered.WhenIdleAsync(CancellationToken.None);
            answered.Add($"{before.Command} step {before.Step + 1}: {text}");
            var replies = bot.Emulator.MessagesIn(chat).Where(m => m.MessageId > last).ToList();
            var after = await GuideOfAsync(bot, chat, presser);
            var taken = after is null || after.Step != before.Step || after.Answers != before.Answers
                || await ZoneSetAtAsync(bot, presser) != zoneBefore; // a zone asked first, then the same step again
            // Recognised by their catalogue entries: a reworded refusal still counts as one (matching its English let a rewording pass).
            var refused = replies.FirstOrDefault(r => Refusals.Any(key => CatalogueText.StartsWith(Languages.English, key, r.Text)));
            if (!taken || refused is not null)
            {
                deadEnds.Add($"{where}: the answer \"{text}\" to /{before.Command} step {before.Step + 1} was not taken: {refused?.PlainText ?? string.Join(" / ", replies.Select(m => m.PlainText))}");
                return;
            }
        }
    }

    /// <summary>The answers that refuse a typed answer: "commands only", and a guide's "please choose" (with or without a list, or a choice not offered).</summary>
    private static readonly string[] Refusals = ["Router.CommandsOnly", "Guidance.ChooseOne", "Guide.ChooseAButton", "Guide.NotOffered"];

    private static async Task<DateTime?> ZoneSetAtAsync(BotHarness bot, long user)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.People.Where(p => p.UserId == user).Select(p => p.TimeZoneSetAt).SingleOrDefaultAsync();
    }

    private static async Task<GuideState?> GuideOfAsync(BotHarness bot, long chat, long user)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.Set<GuideState>().AsNoTracking().SingleOrDefaultAsync(g => g.ChatId == chat && g.UserId == user);
    }
}
