using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Guides;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Guides.GuideKit;

namespace CoordBot.Tests.Guides;

/// <summary>
/// A guided command end to end (issue 14, guided steps), through the emulator and the real host: /invite sent
/// bare asks for the delegation and the role with buttons, shows a summary, and acts only on Confirm.
/// </summary>
public sealed class InviteGuideTests
{
    private const long EstHead = 101;
    private const long Operator = BotHarness.OperatorId;

    private static async Task<(BotHarness Bot, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "100", ["Delivery:PrivateBurst"] = "100" };
        var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { PrivatePerSecond = 100, PrivateBurst = 100 }, s => s.AddSingleton<TimeProvider>(clock));
        await bot.SeedMemberAsync(EstHead, "EST", DelegationRole.Head, "Sven");
        return (bot, clock);
    }

    private static async Task<int> InvitationsAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.Invitations.CountAsync();
    }

    [Fact]
    public async Task A_bare_invite_asks_with_buttons_shows_a_summary_and_invites_only_on_confirm()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var first = await bot.AskAsync(Operator, "/invite");

        Assert.StartsWith("/invite, step 1 of 2: Delegation", first.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", first.PlainText, StringComparison.Ordinal);
        Assert.Contains(first.Buttons, b => b.Text == "Estonia" && b.CallbackData == "g:0:EST");
        Assert.Equal(15 + 1, first.Buttons.Count); // every member of the council, and Cancel

        var role = await PressAsync(bot, Operator, first, "Estonia");
        Assert.Contains("step 2 of 2: Role", role.PlainText, StringComparison.Ordinal);
        Assert.Equal(["head of delegation", "deputy", "adviser", "observer", "Cancel"], role.Buttons.Select(b => b.Text));
        var summary = await PressAsync(bot, Operator, role, "adviser");
        Assert.Contains("Delegation: EST", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("This sends /invite EST adviser", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await InvitationsAsync(bot));

        var before = bot.Emulator.MessagesIn(Operator).Count;
        bot.Emulator.PressButton(Operator, Operator, summary.MessageId, "g:ok");
        var invitation = await bot.MessageFromCatalogueAsync(Operator, "Invite.Created");
        Assert.StartsWith("Invitation for the adviser of Estonia", invitation.PlainText, StringComparison.Ordinal);

        Assert.Contains("Link: https://t.me/", invitation.PlainText, StringComparison.Ordinal);
        Assert.Equal(1, await InvitationsAsync(bot));
        Assert.Equal(before + 1, bot.Emulator.MessagesIn(Operator).Count);
    }

    [Fact]
    public async Task A_head_is_offered_only_their_own_delegation_and_the_roles_they_may_give_and_a_forged_choice_changes_nothing()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var first = await bot.AskAsync(EstHead, "/invite");
        Assert.Equal(["Estonia", "Cancel"], first.Buttons.Select(b => b.Text));

        bot.Emulator.PostRawUpdate(ForgedPress(EstHead, first.MessageId, "g:0:FRA"));
        await bot.AskAsync(EstHead, "/me"); // handled after the press: the chat's updates keep their order
        Assert.Equal(["That choice is not offered to you now. Please choose again."], await CallbackAnswersAsync(bot));

        var role = await PressAsync(bot, EstHead, first, "Estonia");
        Assert.DoesNotContain(role.Buttons, b => b.Text == "head of delegation");
        Assert.Contains(role.Buttons, b => b.CallbackData == "g:1:deputy");
        Assert.Equal(0, await InvitationsAsync(bot));
    }

    [Fact]
    public async Task Typed_answers_are_taken_in_any_case_and_a_wrong_one_is_explained()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;
        await bot.AskAsync(Operator, "/invite");

        var wrong = await bot.AskAsync(Operator, "Atlantis");
        Assert.StartsWith("Please choose Delegation with one of the buttons above, or write one of: ", wrong.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Atlantis", wrong.PlainText, StringComparison.Ordinal);
        var role = await bot.AskAsync(Operator, "estonia");
        Assert.Contains("step 2 of 2: Role", role.PlainText, StringComparison.Ordinal);
        var typed = await bot.AskAsync(Operator, "Observer");
        Assert.Contains("Role: observer", typed.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_by_button_or_by_a_bare_cancel_changes_nothing()
    {
        var (bot, _) = await StartAsync();
        await using var _ = bot;

        var first = await bot.AskAsync(Operator, "/invite");
        var cancelled = await PressAsync(bot, Operator, first, "Cancel");
        Assert.Equal("Cancelled /invite: nothing was changed.", cancelled.PlainText);

        await bot.AskAsync(EstHead, "/invite");
        var byCommand = await bot.AskAsync(EstHead, "/cancel");
        Assert.Equal("Cancelled /invite: nothing was changed.", byCommand.PlainText);
        var usage = await bot.AskAsync(EstHead, "/cancel"); // a head may cancel sessions: the usage line
        Assert.StartsWith("Usage: /cancel S<n>", usage.PlainText, StringComparison.Ordinal);
        await bot.SeedMemberAsync(102, "EST", DelegationRole.Adviser);
        var refused = await bot.AskAsync(102, "/cancel"); // no guide: the command's own gate answers
        Assert.DoesNotContain("Cancelled", refused.PlainText, StringComparison.Ordinal);
        var chat = await bot.AskAsync(EstHead, "estonia");
        Assert.StartsWith("I understand commands only", chat.PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await InvitationsAsync(bot));
    }

    [Fact]
    public async Task A_guide_interrupted_by_a_restart_resumes_and_one_left_alone_lapses()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;

        var first = await bot.AskAsync(Operator, "/invite");
        var role = await PressAsync(bot, Operator, first, "Estonia");
        await bot.RestartHostAsync();
        var summary = await PressAsync(bot, Operator, role, "deputy");
        Assert.Contains("This sends /invite EST deputy", summary.PlainText, StringComparison.Ordinal);

        await bot.AskAsync(EstHead, "/invite");
        clock.Advance(GuideRunner.Lifetime + TimeSpan.FromSeconds(1));
        var lapsed = await bot.AskAsync(EstHead, "Estonia");
        Assert.Equal("Your guided /invite lapsed after 30 minutes without an answer; nothing was changed. Send /invite to start again.", lapsed.PlainText);
        Assert.Equal(0, await InvitationsAsync(bot));
    }

    [Fact]
    public async Task Each_step_renews_the_guide_and_a_press_after_it_lapsed_is_refused_and_changes_nothing()
    {
        var (bot, clock) = await StartAsync();
        await using var _ = bot;
        var almost = GuideRunner.Lifetime - TimeSpan.FromMinutes(1);

        var first = await bot.AskAsync(Operator, "/invite");
        clock.Advance(almost);
        var role = await PressAsync(bot, Operator, first, "Estonia");
        clock.Advance(almost); // past the lifetime since the start: still running only because the press renewed it
        var summary = await PressAsync(bot, Operator, role, "deputy");
        Assert.Contains("This sends /invite EST deputy", summary.PlainText, StringComparison.Ordinal);

        clock.Advance(GuideRunner.Lifetime + TimeSpan.FromSeconds(1));
        var before = bot.LastMessageId(Operator);
        bot.Emulator.PressButton(Operator, Operator, summary.MessageId, "g:ok");
        var lapsed = await bot.MessageFromCatalogueAsync(Operator, "Guide.Lapsed", afterMessageId: before);

        Assert.Equal(Catalogue.Format(Languages.English, "Guide.Lapsed", "/invite", (int)GuideRunner.Lifetime.TotalMinutes), lapsed.Text);
        Assert.Contains(Catalogue.Text(Languages.English, "Guide.LapsedToast"), await CallbackAnswersAsync(bot));
        Assert.Equal(0, await InvitationsAsync(bot));
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(0, await db.Set<GuideState>().CountAsync());
    }

    /// <summary>What the bot answered to presses (a forged press has no query Telegram knows, so the emulator refuses the answer: read the outbox).</summary>
    private static async Task<List<string?>> CallbackAnswersAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return await db.OutboxMessages.Where(m => m.Kind == OutboxKind.AnswerCallback).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
    }

    private static string ForgedPress(long user, long messageId, string data) =>
        System.Text.Json.Nodes.JsonNode.Parse(Hardening.WebhookBot.Press(user, user, messageId, data))!.AsObject() is var update && update.Remove("update_id")
            ? update.ToJsonString()
            : throw new InvalidOperationException();
}
