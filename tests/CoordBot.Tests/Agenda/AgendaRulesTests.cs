using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Sessions;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Agenda;

/// <summary>For every Agenda command: the declared rule is the one enforced, and /help offers exactly what it admits.</summary>
public sealed class AgendaRulesTests
{
    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["agenda"] = "S1",
        ["agenda_add"] = "S1 Other matters",
        ["agenda_move"] = "A1 1",
        ["agenda_status"] = "A1 adopted",
        ["penholder"] = "A1 FRA",
        ["speakers"] = "A1",
        ["speak"] = "A1",
        ["withdraw_speaker"] = "A1",
        ["next"] = "A1",
    };

    /// <summary>S stranger, B observer, A adviser, H head (not presiding), O operator (standing in as chair).</summary>
    private static readonly Dictionary<string, string> Admitted = new(StringComparer.Ordinal)
    {
        ["agenda"] = "BAHO",
        ["agenda_add"] = "HO",
        ["agenda_move"] = "HO",
        ["agenda_status"] = "HO",
        ["penholder"] = "O",
        ["speakers"] = "BAHO",
        ["speak"] = "BAHO",
        ["withdraw_speaker"] = "BAHO",
        ["next"] = "HO",
    };

    [Fact]
    public Task Every_declared_rule_is_the_one_enforced_and_help_offers_exactly_what_it_admits() =>
        FamilyRules.AssertEnforcedAsync("CoordBot.Features.Agenda", Admitted, Arguments);

    [Fact]
    public async Task Who_speaks_for_a_delegation_is_asked_after_the_lookup_with_the_domains_reason()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(FraHead, "/schedule 2026-11-30 15:00 UTC arria Climate and security");
        await bot.AskAsync(FraHead, "/agenda_add S1 Briefing");
        var reason = CoordBot.Localization.Reasons.Sentence(CoordBot.Localization.Languages.English, Permissions.MaySpeakForDelegation(CoordBot.Domain.Membership.Actor.Operator).Reason!);

        Assert.Equal(reason, (await bot.AskAsync(Chair, "/speak A1")).PlainText);
        Assert.Equal(reason, (await bot.AskAsync(EstObserver, "/speak A1")).PlainText);
        Assert.Equal(reason, (await bot.AskAsync(EstObserver, "/withdraw_speaker A1")).PlainText);
        Assert.Contains("There is no agenda item A2", (await bot.AskAsync(EstObserver, "/speak A2")).PlainText, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync(bot, db => db.AgendaSpeakers.CountAsync()));
    }
}
