using System.Text.RegularExpressions;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Delegations;

public sealed partial class DelegationsEndToEndTests
{
    private const long Head = 2001;
    private const long Adviser = 2002;
    private const long Stranger = 2999;
    private const long EstoniaGroup = -100_2001;

    [Fact]
    public async Task Operator_invites_a_head_who_joins_links_a_group_and_invites_an_adviser()
    {
        await using var bot = await BotHarness.StartAsync();

        var invitation = await bot.AskAsync(BotHarness.OperatorId, "/invite EST head");
        var token = Token(invitation.PlainText!);
        Assert.Contains($"https://t.me/CoordBot?start={token}", invitation.PlainText, StringComparison.Ordinal);

        var welcome = await bot.AskAsync(Head, $"/start {token}");
        Assert.Contains("Welcome to the delegation of Estonia", welcome.PlainText, StringComparison.Ordinal);
        Assert.Contains("head of delegation", welcome.PlainText, StringComparison.Ordinal);
        Assert.Contains("accepted your invitation", (await bot.MessageFromCatalogueAsync(BotHarness.OperatorId, "Join.InviterNote")).PlainText, StringComparison.Ordinal);

        bot.Emulator.RegisterGroup(EstoniaGroup, "Estonia advisers");
        var linked = await bot.AskAsync(Head, "/linkgroup@CoordBot", EstoniaGroup);
        Assert.Contains("now the group of the delegation of Estonia", linked.PlainText, StringComparison.Ordinal);

        var adviserInvitation = await bot.AskAsync(Head, "/invite EST adviser");
        var joined = await bot.AskAsync(Adviser, $"/join {Token(adviserInvitation.PlainText!)}");
        Assert.Contains("You are its adviser", joined.PlainText, StringComparison.Ordinal);

        var delegation = await bot.AskAsync(Adviser, "/delegation");
        Assert.Contains("head of delegation: User2001", delegation.PlainText, StringComparison.Ordinal);
        Assert.Contains("adviser: User2002", delegation.PlainText, StringComparison.Ordinal);
        Assert.Contains("Group linked: Estonia advisers", delegation.PlainText, StringComparison.Ordinal);

        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "membership.joined"));
    }

    [Fact]
    public async Task A_used_token_is_refused_and_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = Token((await bot.AskAsync(BotHarness.OperatorId, "/invite FRA deputy")).PlainText!);
        await bot.AskAsync(Head, $"/start {token}");

        var refusal = await bot.AskAsync(Stranger, $"/start {token}");

        Assert.Contains("already been used", refusal.PlainText, StringComparison.OrdinalIgnoreCase);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == Stranger));
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();

        var refusal = await bot.AskAsync(Stranger, "/join AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Contains("not known", refusal.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_member_learns_nothing_from_delegation_commands()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Head, "EST", DelegationRole.Head, "Sven Jürgenson");

        foreach (var command in new[] { "/delegation EST", "/delegations", "/presidency" })
        {
            var reply = await bot.AskAsync(Stranger, command);
            Assert.Equal(BotHarnessTexts.NotAMember, reply.PlainText);
        }
    }

    [Fact]
    public async Task A_member_in_an_unlinked_group_learns_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Head, "EST", DelegationRole.Head);
        bot.Emulator.RegisterGroup(-500, "Coffee lovers");

        var reply = await bot.AskAsync(Head, "/delegations", -500);

        Assert.Contains("not linked to a delegation", reply.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Estonia", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deputy_cannot_invite_a_head_nor_remove_one()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Head, "EST", DelegationRole.Head);
        await bot.SeedMemberAsync(2003, "EST", DelegationRole.Deputy);

        var invite = await bot.AskAsync(2003, "/invite EST head");
        var remove = await bot.AskAsync(2003, $"/remove EST {Head}");

        Assert.DoesNotContain("t.me", invite.PlainText, StringComparison.Ordinal);
        Assert.Contains("operator", invite.PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no longer", remove.PlainText, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        Assert.True(await db.Memberships.AnyAsync(m => m.UserId == Head && m.EndedAt == null));
    }

    [Fact]
    public async Task A_non_member_cannot_probe_memberships_with_remove()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Adviser, "EST", DelegationRole.Adviser);

        var known = await bot.AskAsync(Stranger, $"/remove EST {Adviser}");
        var unknown = await bot.AskAsync(Stranger, "/remove EST 42");

        Assert.Equal(known.PlainText, unknown.PlainText);
        Assert.StartsWith("Only an operator", known.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_removes_an_adviser_who_is_told_and_loses_access_at_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Head, "EST", DelegationRole.Head);
        await bot.SeedMemberAsync(Adviser, "EST", DelegationRole.Adviser);

        var done = await bot.AskAsync(Head, $"/remove EST {Adviser}");
        var told = await bot.MessageFromCatalogueAsync(Adviser, "Remove.Notice");
        Assert.Contains("has ended", told.PlainText, StringComparison.Ordinal);
        var after = await bot.AskAsync(Adviser, "/delegation EST");

        Assert.Contains("no longer adviser of Estonia", done.PlainText, StringComparison.Ordinal);
        Assert.NotNull(told);
        Assert.Equal(BotHarnessTexts.NotAMember, after.PlainText);
    }

    [Fact]
    public async Task A_member_of_one_delegation_cannot_join_another()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Adviser, "EST", DelegationRole.Adviser);
        var token = Token((await bot.AskAsync(BotHarness.OperatorId, "/invite FRA adviser")).PlainText!);

        var refusal = await bot.AskAsync(Adviser, $"/join {token}");

        Assert.Contains("one delegation at a time", refusal.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timezone_is_checked_and_kept()
    {
        await using var bot = await BotHarness.StartAsync();

        var wrong = await bot.AskAsync(Adviser, "/timezone Mars/Olympus");
        var right = await bot.AskAsync(Adviser, "/timezone Europe/Tallinn");
        var me = await bot.AskAsync(Adviser, "/me");

        Assert.Contains("America/New_York", wrong.PlainText, StringComparison.Ordinal);
        Assert.Contains("Europe/Tallinn", right.PlainText, StringComparison.Ordinal);
        Assert.Contains("Time zone: Europe/Tallinn", me.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presidency_shows_three_months_and_an_override_wins()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var month = $"{now:yyyy-MM}";

        var set = await bot.AskAsync(BotHarness.OperatorId, $"/setpresident EST {month}");
        var shown = await bot.AskAsync(BotHarness.OperatorId, "/presidency");

        Assert.Contains("Estonia will preside", set.PlainText, StringComparison.Ordinal);
        var lines = shown.PlainText!.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains("Estonia", lines[1], StringComparison.Ordinal);
        Assert.Contains("set by an operator", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_only_what_the_user_may_use()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(Adviser, "EST", DelegationRole.Adviser);

        var stranger = await bot.AskAsync(Stranger, "/help");
        var adviser = await bot.AskAsync(Adviser, "/help");
        var @operator = await bot.AskAsync(BotHarness.OperatorId, "/help");

        Assert.DoesNotContain("/delegations", stranger.PlainText, StringComparison.Ordinal);
        Assert.Contains("/join", stranger.PlainText, StringComparison.Ordinal);
        Assert.Contains("/delegations", adviser.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", adviser.PlainText, StringComparison.Ordinal);
        Assert.Contains("/setpresident", @operator.PlainText, StringComparison.Ordinal);
    }

    private static string Token(string text) => TokenPattern().Match(text).Groups[1].Value is { Length: > 0 } token
        ? token
        : throw new Xunit.Sdk.XunitException($"No token in: {text}");

    [GeneratedRegex(@"Token: ([A-Za-z0-9_-]{22,})")]
    private static partial Regex TokenPattern();
}

internal static class BotHarnessTexts
{
    public const string NotAMember = EnglishTexts.NotAMember;
}
