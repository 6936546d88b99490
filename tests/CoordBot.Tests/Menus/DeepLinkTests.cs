using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordBot.Tests.Menus;

/// <summary>Deep links (<c>t.me/CoordBot?start=D1</c>) open objects as the typed command would; a member's /start carries the dashboard.</summary>
public sealed class DeepLinkTests
{
    private const long EstoniaHead = 3101;
    private const long FranceHead = 3102;
    private const long Stranger = 3199;

    private static async Task<BotHarness> CouncilWithADraftAndASessionAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var bot = await BotHarness.StartAsync(configure: s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstoniaHead, "EST", DelegationRole.Head);
        await bot.SeedMemberAsync(FranceHead, "FRA", DelegationRole.Head);
        await bot.AskAsync(EstoniaHead, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(EstoniaHead, "/circulate D1");
        await bot.AskAsync(FranceHead, "/amend D1 The Council strongly condemns malicious cyber activities.");
        await bot.AskAsync(BotHarness.OperatorId, "/schedule 2026-12-03 15:00 closed Situation in the Middle East");
        // A chat's messages arrive in order: once the announcement is there, France's chat is quiet.
        Assert.StartsWith("New session: S1", (await bot.MessageStartingWithCatalogueAsync(FranceHead, "Sessions.Announce.Scheduled")).PlainText, StringComparison.Ordinal);
        return bot;
    }

    [Fact]
    public async Task A_link_opens_the_object_exactly_as_its_typed_command_does()
    {
        await using var bot = await CouncilWithADraftAndASessionAsync();

        var typed = await bot.AskAsync(FranceHead, "/draft D1");
        var linked = await bot.AskAsync(FranceHead, "/start D1");
        Assert.Contains("Press statement on cyber security", linked.PlainText, StringComparison.Ordinal);
        Assert.Equal(typed.PlainText, linked.PlainText);

        var session = await bot.AskAsync(FranceHead, "/session S1");
        Assert.Equal(session.PlainText, (await bot.AskAsync(FranceHead, "/start s1")).PlainText);

        var comments = await bot.AskAsync(FranceHead, "/comments D1");
        Assert.Contains("strongly condemns", comments.PlainText, StringComparison.Ordinal);
        Assert.Equal(comments.PlainText, (await bot.AskAsync(FranceHead, "/start M1")).PlainText);
        Assert.Contains("no amendment M9", (await bot.AskAsync(FranceHead, "/start M9")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_following_a_link_is_refused_at_the_gate_and_learns_nothing()
    {
        await using var bot = await CouncilWithADraftAndASessionAsync();

        var typed = await bot.AskAsync(Stranger, "/draft D1");
        var linked = await bot.AskAsync(Stranger, "/start D1");
        Assert.Equal(typed.PlainText, linked.PlainText);
        Assert.DoesNotContain("cyber", linked.PlainText, StringComparison.Ordinal);

        // An amendment that exists and one that does not get the same refusal.
        var existing = await bot.AskAsync(Stranger, "/start M1");
        var missing = await bot.AskAsync(Stranger, "/start M9");
        Assert.Equal(existing.PlainText, missing.PlainText);
        Assert.Equal((await bot.AskAsync(Stranger, "/comments D1")).PlainText, existing.PlainText);
    }

    [Fact]
    public async Task A_members_start_shows_the_welcome_then_what_needs_them_with_its_buttons()
    {
        await using var bot = await CouncilWithADraftAndASessionAsync();

        var start = await bot.AskAsync(FranceHead, "/start");
        Assert.StartsWith("Welcome to CoordBot, User3102.", start.PlainText, StringComparison.Ordinal);
        Assert.Contains("What needs you now", start.PlainText, StringComparison.Ordinal);
        Assert.Contains("S1 “Situation in the Middle East”: ", start.PlainText, StringComparison.Ordinal);
        Assert.Contains(start.Buttons, b => b.CallbackData == "att:1:y");

        var stranger = await bot.AskAsync(Stranger, "/start");
        Assert.DoesNotContain("What needs you now", stranger.PlainText, StringComparison.Ordinal);
        Assert.Empty(stranger.Buttons);
    }
}
