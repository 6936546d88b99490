using CoordBot.Features.Drafts;
using static CoordBot.Tests.Drafts.FamilyRules;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// For every Drafts command: the declared rule is the one enforced, and /help offers exactly what it admits; then
/// the rules about THIS draft (who reads it, who holds its pen), checked after the lookup, refuse without changing
/// anything, and a draft the sender may not read is answered exactly like one that does not exist.
/// </summary>
public sealed class DraftsRulesTests
{
    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["draft_new"] = "Another statement\nThe Council is united.",
        ["draft"] = "D1",
        ["diff"] = "D1 v1 v1",
        ["comments"] = "D1",
        ["comment"] = "D1 Fine.",
        ["amend"] = "D1 A better text.",
        ["revise"] = "D1\nA new text.",
        ["circulate"] = "D1",
        ["blue"] = "D1",
        ["withdraw"] = "D1",
        ["accept"] = "M1",
        ["reject"] = "M1 No.",
        ["silence"] = "D1 24",
        ["breaksilence"] = "D1 We object.",
        ["hold"] = "D1 Awaiting instructions.",
        ["lift"] = "D1",
        ["extend"] = "D1 1",
        ["apply"] = "D1",
        ["comment_private"] = "D1 Fine.",
        ["copenholder"] = "D1 FRA",
        ["sponsor"] = "D1",
        ["kind"] = "D1 prst",
        ["adopt"] = "D1 S1",
    };

    /// <summary>S stranger, B observer, A adviser, H head (penholder, not presiding), C head of the presiding delegation, O operator.</summary>
    private static readonly Dictionary<string, string> Admitted = new(StringComparer.Ordinal)
    {
        ["draft_new"] = "AHC",
        ["drafts"] = "AHCO",
        ["draft"] = "AHC",
        ["diff"] = "AHC",
        ["comments"] = "AHC",
        ["comment"] = "AHC",
        ["amend"] = "AHC",
        ["revise"] = "AHC",
        ["circulate"] = "AHC",
        ["blue"] = "AHC",
        ["withdraw"] = "AHC",
        ["accept"] = "AHC",
        ["reject"] = "AHC",
        ["silence"] = "AHCO",
        ["breaksilence"] = "HC",
        ["hold"] = "HC",
        ["lift"] = "HC",
        ["extend"] = "CO",
        ["apply"] = "AHC",
        ["comment_private"] = "AHC",
        ["copenholder"] = "AHC",
        ["sponsor"] = "HC",
        ["kind"] = "AHC",
        ["adopt"] = "CO",
    };

    /// <summary>Every command that names D1, as a delegation that may not read it sends it.</summary>
    private static readonly string[] OnD1 =
    [
        "/draft D1", "/diff D1 v1 v1", "/comments D1", "/comment D1 Fine.", "/amend D1 Better.", "/revise D1\nNew.",
        "/circulate D1", "/blue D1", "/withdraw D1", "/silence D1 24", "/breaksilence D1 We object.", "/hold D1", "/lift D1",
        "/apply D1", "/comment_private D1 Fine.", "/copenholder D1 FRA", "/sponsor D1", "/kind D1 prst",
    ];

    [Fact]
    public Task Every_declared_rule_is_the_one_enforced_and_help_offers_exactly_what_it_admits() =>
        AssertEnforcedAsync(Admitted, Arguments);

    [Fact]
    public async Task A_delegation_that_may_not_read_a_draft_learns_nothing_of_it_and_changes_nothing()
    {
        await using var bot = await CouncilAsync();
        var before = await StateAsync(bot);

        foreach (var command in OnD1)
        {
            // The United States is not on D1's circulation list: D1 is answered exactly like D9, which does not exist.
            Assert.Equal(DraftDesk.NotVisible(1), (await bot.AskAsync(UsaHead, command)).PlainText);
            Assert.Equal(DraftDesk.NotVisible(9), (await bot.AskAsync(UsaHead, command.Replace("D1", "D9", StringComparison.Ordinal))).PlainText);
        }

        foreach (var command in new[] { "/accept M1", "/reject M1 No." })
        {
            Assert.Equal("I know no amendment M1 on a draft your delegation can read.", (await bot.AskAsync(UsaHead, command)).PlainText);
            Assert.Equal("I know no amendment M9 on a draft your delegation can read.", (await bot.AskAsync(EstHead, command.Replace("M1", "M9", StringComparison.Ordinal))).PlainText);
        }

        Assert.Equal(before, await StateAsync(bot));
    }

    [Fact]
    public async Task Only_the_penholder_delegation_does_the_penholders_work_on_its_draft()
    {
        await using var bot = await CouncilAsync();
        var before = await StateAsync(bot);

        // France reads D1 (it was circulated to it) but does not hold its pen.
        foreach (var command in new[] { "/revise D1\nNew.", "/circulate D1 CHN", "/blue D1", "/withdraw D1", "/accept M1", "/reject M1 No.", "/apply D1", "/copenholder D1 CHN" })
        {
            Assert.Equal("Only the penholder delegation can revise this draft.", (await bot.AskAsync(FraHead, command)).PlainText);
        }

        Assert.Equal(
            "Only the president of the council this month or the penholder delegation may start the silence procedure.",
            (await bot.AskAsync(FraHead, "/silence D1 24")).PlainText);
        Assert.Equal(before, await StateAsync(bot));

        // The state of the draft is the next check: M1 cannot be decided twice, a text under silence cannot change.
        Assert.Contains("M1 is accepted", (await bot.AskAsync(EstHead, "/accept 1")).PlainText, StringComparison.Ordinal);
        await NoticeAsync(bot, FraHead, "Drafts.Decide.AcceptedNotice", "accepted amendment M1");
        await NoticeAsync(bot, EstHead, "Drafting.Apply.Offer", "The next version, D1 v2");
        Assert.Equal("M1 was already accepted.", (await bot.AskAsync(EstHead, "/reject M1")).PlainText);
        // The penholder's own chat reads the reply, not the readers' notice as well (PenholderNoticeTests).
        Assert.Contains("under silence until", (await bot.AskAsync(EstHead, "/silence 1 24")).PlainText, StringComparison.Ordinal);
        await NoticeAsync(bot, FraHead, "Drafts.Silence.Notice", "Silence procedure");
        var locked = await StateAsync(bot);
        Assert.Equal(
            "D1 is under silence: changing its text is not allowed; the silence must be broken first.",
            (await bot.AskAsync(EstHead, "/revise D1\nNew.")).PlainText);
        Assert.Equal("D1 is under silence: to propose a change, break silence.", (await bot.AskAsync(FraHead, "/amend D1 Better.")).PlainText);
        Assert.Equal(locked, await StateAsync(bot));
    }

    [Fact]
    public async Task The_chair_runs_the_silence_procedure_on_a_draft_it_may_not_read()
    {
        await using var bot = await CouncilAsync();

        Assert.Equal(DraftDesk.NotVisible(1), (await bot.AskAsync(ChnHead, "/draft D1")).PlainText);
        Assert.Contains("D1 v1 is under silence until", (await bot.AskAsync(ChnHead, "/silence D1 2")).PlainText, StringComparison.Ordinal);
        Assert.Contains("The silence on D1 now ends", (await bot.AskAsync(ChnHead, "/extend 1 1")).PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftDesk.NotVisible(9), (await bot.AskAsync(ChnHead, "/extend D9 1")).PlainText);
    }

    [Fact]
    public async Task Ids_are_read_with_or_without_their_letter_and_anything_else_gets_the_usage_line()
    {
        await using var bot = await CouncilAsync();

        Assert.Equal((await bot.AskAsync(EstHead, "/draft D1")).PlainText, (await bot.AskAsync(EstHead, "/draft 1")).PlainText);
        Assert.Contains("changes from v1", (await bot.AskAsync(FraHead, "/diff 1 v1 v1")).PlainText, StringComparison.Ordinal);

        Assert.Equal("Usage: /draft D<n> [v<k>], for example /draft D3 or /draft D3 v2", (await bot.AskAsync(EstHead, "/draft X1")).PlainText);
        Assert.Equal("Usage: /draft D<n> [v<k>], for example /draft D3 or /draft D3 v2", (await bot.AskAsync(EstHead, "/draft D1 v1 v2")).PlainText);
        Assert.StartsWith("Usage: /silence D<n> <hours>", (await bot.AskAsync(EstHead, "/silence D1 0")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /silence D<n> <hours>", (await bot.AskAsync(EstHead, "/silence D1 721")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /accept M<n>", (await bot.AskAsync(EstHead, "/accept M1 because")).PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Usage: /circulate D<n>", (await bot.AskAsync(EstHead, "/circulate D1 ,,,")).PlainText, StringComparison.Ordinal);
        Assert.Contains("XYZ is not a member of the council", (await bot.AskAsync(EstHead, "/circulate D1 XYZ")).PlainText, StringComparison.Ordinal);
        Assert.Equal("Which version? Write it as v1, v2, ...; D1 has versions v1 to v1.", (await bot.AskAsync(EstHead, "/draft D1 2")).PlainText);
    }
}
