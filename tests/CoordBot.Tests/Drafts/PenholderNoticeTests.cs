using CoordBot.BotApi;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CoordBot.Tests.Support.TestCouncil;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// Issue 26 item 5's defect: the chat a penholder circulates from, starts a silence from or applies amendments from reads the
/// reply there, not the readers' notice as well (two messages saying the same). The notice still goes to every other
/// delegation, and to the rest of the penholder's own delegation: its linked group when the penholder wrote privately, or
/// its other members when it has no group.
/// </summary>
public sealed class PenholderNoticeTests
{
    private static async Task<BotHarness> CouncilAsync()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:GroupPerMinute"] = "600", ["Delivery:PrivatePerSecond"] = "20" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { GroupPerMinute = 600, PrivatePerSecond = 20, PrivateBurst = 20 });
        // EST has no group (its head and deputy read privately); FRA has one; CHN reads privately.
        await Seed("EST", "FRA", "CHN").WithDeputies().SeedAsync(bot);
        await bot.LinkGroupAsync("FRA", GroupOf("FRA"));
        return bot;
    }

    private static async Task<IReadOnlyList<SentMessage>> AfterAllSentAsync(BotHarness bot, long chat, long mark)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        return [.. bot.Emulator.MessagesIn(chat).Where(m => m.MessageId > mark)];
    }

    private static int Holding(IEnumerable<SentMessage> messages, string key) =>
        messages.Count(m => CatalogueText.Contains("en", key, m.Text ?? m.Caption));

    [Fact]
    public async Task A_silence_started_privately_is_one_reply_to_the_penholder_and_a_notice_to_its_deputy_and_the_other_readers()
    {
        await using var bot = await CouncilAsync();
        var (head, deputy) = (HeadOf("EST"), DeputyOf("EST"));
        await bot.AskAsync(head, "/draft_new Press statement\nThe Council calls for calm.");
        await bot.AskForCatalogueAsync(head, "/circulate D1 FRA", "Drafts.Circulate.Done");
        var (headMark, deputyMark, franceMark, chinaMark) = (bot.LastMessageId(head), bot.LastMessageId(deputy), bot.LastMessageId(GroupOf("FRA")), bot.LastMessageId(HeadOf("CHN")));

        await bot.AskForCatalogueAsync(head, "/silence D1 24", "Drafts.Silence.Done");
        await bot.MessageWithCatalogueAsync(deputy, "Drafts.Silence.Notice", afterMessageId: deputyMark);
        await bot.MessageWithCatalogueAsync(GroupOf("FRA"), "Drafts.Silence.Notice", afterMessageId: franceMark);

        var toHead = await AfterAllSentAsync(bot, head, headMark);
        Assert.Equal(1, Holding(toHead, "Drafts.Silence.Done"));
        Assert.Equal(0, Holding(toHead, "Drafts.Silence.Notice"));
        Assert.Equal(1, Holding(await AfterAllSentAsync(bot, deputy, deputyMark), "Drafts.Silence.Notice"));
        // Not a reader of D1: nothing.
        Assert.Empty(await AfterAllSentAsync(bot, HeadOf("CHN"), chinaMark));
    }

    [Fact]
    public async Task A_draft_written_in_the_penholders_group_is_circulated_and_put_under_silence_with_one_message_each_in_that_group()
    {
        await using var bot = await CouncilAsync();
        var group = GroupOf("FRA");
        await bot.AskAsync(HeadOf("FRA"), "/draft_new Press statement\nThe Council calls for calm.", group);
        var (groupMark, chinaMark, headMark) = (bot.LastMessageId(group), bot.LastMessageId(HeadOf("CHN")), bot.LastMessageId(HeadOf("FRA")));

        await bot.AskForCatalogueAsync(HeadOf("FRA"), "/circulate D1", "Drafts.Circulate.Done", group);
        await bot.MessageWithCatalogueAsync(HeadOf("CHN"), "Drafts.Circulated", afterMessageId: chinaMark);
        await bot.AskForCatalogueAsync(HeadOf("FRA"), "/silence D1 24", "Drafts.Silence.Done", group);
        await bot.MessageWithCatalogueAsync(HeadOf("CHN"), "Drafts.Silence.Notice", afterMessageId: chinaMark);

        var inGroup = await AfterAllSentAsync(bot, group, groupMark);
        Assert.Equal(1, Holding(inGroup, "Drafts.Circulate.Done"));
        Assert.Equal(0, Holding(inGroup, "Drafts.Circulated"));
        Assert.Equal(1, Holding(inGroup, "Drafts.Silence.Done"));
        Assert.Equal(0, Holding(inGroup, "Drafts.Silence.Notice"));
        // The delegation reads in its group: its head hears nothing of it privately.
        Assert.Empty(await AfterAllSentAsync(bot, HeadOf("FRA"), headMark));
    }

    [Fact]
    public async Task Amendments_applied_privately_are_one_reply_to_the_penholder_and_a_notice_to_its_deputy_and_the_proposer()
    {
        await using var bot = await CouncilAsync();
        var (head, deputy) = (HeadOf("EST"), DeputyOf("EST"));
        await bot.AskAsync(head, "/draft_new Press statement\nThe Council calls for calm.");
        await bot.AskForCatalogueAsync(head, "/circulate D1 CHN", "Drafts.Circulate.Done");
        await bot.AskAsync(HeadOf("CHN"), "/amend D1 §1 The Council calls for calm and restraint.");
        await bot.AskAsync(head, "/accept M1");
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        var (headMark, deputyMark, chinaMark) = (bot.LastMessageId(head), bot.LastMessageId(deputy), bot.LastMessageId(HeadOf("CHN")));

        await bot.AskForCatalogueAsync(head, "/apply D1 v1 M1", "Drafting.Apply.Done");
        await bot.MessageWithCatalogueAsync(deputy, "Drafting.Apply.Notice", afterMessageId: deputyMark);
        await bot.MessageWithCatalogueAsync(HeadOf("CHN"), "Drafting.Apply.Notice", afterMessageId: chinaMark);

        var toHead = await AfterAllSentAsync(bot, head, headMark);
        Assert.Equal(1, Holding(toHead, "Drafting.Apply.Done"));
        Assert.Equal(0, Holding(toHead, "Drafting.Apply.Notice"));
    }
}
