namespace CoordBot.Tests.Sessions;

/// <summary>For every Sessions command: the declared rule is the one enforced, and /help offers exactly what it admits.</summary>
public sealed class SessionsRulesTests
{
    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["schedule"] = "2026-12-01 10:00 UTC closed Libya",
        ["session"] = "S1",
        ["reschedule"] = "S1 2026-12-02 10:00",
        ["cancel"] = "S1",
        ["attend"] = "S1 yes",
        ["ics"] = "S1",
        ["meeting_link"] = "S1 https://meet.example.org/s1",
    };

    /// <summary>S stranger, B observer, A adviser, H head (not presiding), O operator.</summary>
    private static readonly Dictionary<string, string> Admitted = new(StringComparer.Ordinal)
    {
        ["schedule"] = "HO",
        ["sessions"] = "BAHO",
        ["session"] = "BAHO",
        ["reschedule"] = "HO",
        ["cancel"] = "HO",
        ["attend"] = "H",
        ["ics"] = "BAHO",
        ["meeting_link"] = "O",
    };

    [Fact]
    public Task Every_declared_rule_is_the_one_enforced_and_help_offers_exactly_what_it_admits() =>
        FamilyRules.AssertEnforcedAsync("CoordBot.Features.Sessions", Admitted, Arguments);
}
