using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Drafts.DraftsByButtonsTests;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// The chair's next step on a text in blue, the vote, is offered wherever the chair meets the draft's buttons: the notice of
/// the blue, any later notice to the presiding delegation (a circulation), and the chair's own view of the draft; never to
/// another delegation, and never before the blue.
/// </summary>
public sealed class ChairNextStepTests
{
    private const long EstHead = 4201;
    private const long FraHead = 4202;
    private const long ChnHead = 4203;
    private const string OpenVote = "Open the vote";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static async Task<SentMessage> AskAsync(BotHarness bot, long user, string text)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        return await bot.AskAsync(user, text);
    }

    [Fact]
    public async Task The_presiding_delegation_is_offered_the_vote_under_every_notice_and_view_of_a_text_in_blue()
    {
        var settings = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven");
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas");
        await bot.SeedMemberAsync(ChnHead, "CHN", DelegationRole.Head, "Jun");
        Assert.Contains("will preside", (await AskAsync(bot, BotHarness.OperatorId, "/setpresident CHN 2026-11")).PlainText, StringComparison.Ordinal);

        Assert.Contains("Created D1", (await AskAsync(bot, EstHead, "/draft_new Haiti\nThe Security Council,")).PlainText, StringComparison.Ordinal);
        await AskAsync(bot, EstHead, "/circulate D1 FRA,CHN");
        Assert.DoesNotContain(OpenVote, Labels(await AskAsync(bot, ChnHead, "/draft D1")));

        // The notice of the blue: the presiding delegation's copy carries the vote, the others' do not.
        var chnMark = bot.LastMessageId(ChnHead);
        var fraMark = bot.LastMessageId(FraHead);
        await AskAsync(bot, EstHead, "/blue D1");
        Assert.Contains(OpenVote, Labels(await bot.MessageFromCatalogueAsync(ChnHead, "Drafts.Blue.Notice", afterMessageId: chnMark)));
        Assert.DoesNotContain(OpenVote, Labels(await bot.MessageFromCatalogueAsync(FraHead, "Drafts.Blue.Notice", afterMessageId: fraMark)));

        // A later notice (the text circulated again) and the chair's own view of the draft carry it too; another head's view does not.
        chnMark = bot.LastMessageId(ChnHead);
        fraMark = bot.LastMessageId(FraHead);
        await AskAsync(bot, EstHead, "/circulate D1 FRA,CHN");
        var circulated = await bot.MessageWithCatalogueAsync(ChnHead, "Drafts.Circulated", afterMessageId: chnMark);
        Assert.Equal(OpenVote, circulated.Buttons[^1].Text);
        Assert.Equal("r:vote_open D1", circulated.Buttons[^1].CallbackData);
        Assert.DoesNotContain(OpenVote, Labels(await bot.MessageWithCatalogueAsync(FraHead, "Drafts.Circulated", afterMessageId: fraMark)));
        var chairView = await AskAsync(bot, ChnHead, "/draft D1");
        Assert.Equal(OpenVote, chairView.Buttons[^1].Text);
        Assert.DoesNotContain(OpenVote, Labels(await AskAsync(bot, FraHead, "/draft D1")));
        Assert.DoesNotContain(OpenVote, Labels(await AskAsync(bot, EstHead, "/draft D1")));

        // Once the vote is open there is no next step to offer.
        await AskAsync(bot, ChnHead, "/vote_open D1 substantive 24h");
        Assert.DoesNotContain(OpenVote, Labels(await AskAsync(bot, ChnHead, "/draft D1")));
    }
}
