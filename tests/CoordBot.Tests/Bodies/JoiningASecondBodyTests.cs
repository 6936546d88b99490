using CoordBot.BotApi;
using CoordBot.Domain.Membership;
using CoordBot.Persistence;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// One person, several bodies (issue 25 item 4), the way it happens: Latvia's head in the Council is invited to Latvia's
/// seat on the 1718 Committee by the operator and joins with the token, as anyone joins. The rule "one delegation at a
/// time" holds per body, so the Council membership does not refuse the Committee's invitation (it did, found in the
/// sandbox), while a second seat in the same body is still refused.
/// </summary>
public sealed class JoiningASecondBodyTests
{
    private const long LvaHead = 7301;
    private const long Operator = BotHarness.OperatorId;

    [Fact]
    public async Task A_council_member_joins_a_committee_by_its_invitation_and_sits_on_both()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "security-council-2026.json"),
            ["Bodies:1:File"] = Path.Combine(AppContext.BaseDirectory, "Council", "committee-1718-2026.json"),
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        await using var bot = await BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false });
        await bot.SeedMemberAsync(LvaHead, "LVA", DelegationRole.Head, "Head of Latvia", timeZone: null, bodyId: 1);

        var token = await InviteAsync(bot, "/invite 1718 LVA head");
        var joined = await bot.AskAsync(LvaHead, $"/join {token}");
        Assert.DoesNotContain("one delegation at a time", joined.PlainText, StringComparison.Ordinal);
        Assert.Contains("Latvia", joined.PlainText, StringComparison.Ordinal);

        var seats = await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(
            (db, ct) => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == LvaHead && m.EndedAt == null).Select(m => m.BodyId).OrderBy(b => b).ToListAsync(ct),
            CancellationToken.None);
        Assert.Equal([1, 2], seats);

        // Within one body the rule holds: a second Council seat is still refused, and the invitation stays unused.
        // (The operator may hear of the first join before the second invitation: it waits for the invitation itself.)
        var secondToken = await InviteAsync(bot, "/invite unsc GRC deputy");
        var refused = await bot.AskAsync(LvaHead, $"/join {secondToken}");
        Assert.Contains("one delegation at a time", refused.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(
            (db, ct) => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == LvaHead && m.EndedAt == null, ct), CancellationToken.None));
    }

    /// <summary>The operator's invitation: its token, from the reply that carries one.</summary>
    private static async Task<string> InviteAsync(BotHarness bot, string command)
    {
        var last = bot.Emulator.MessagesIn(Operator).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        bot.Emulator.SendText(Operator, Operator, command);
        var invitation = await bot.MessageStartingWithCatalogueAsync(Operator, "Invite.Created", afterMessageId: last);
        return invitation.PlainText!.Split('\n').Single(l => l.StartsWith("Token: ", StringComparison.Ordinal))["Token: ".Length..];
    }
}
