using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Delivery;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoordBot.Tests.Drafts.DraftsByButtonsTests;

namespace CoordBot.Tests.Bodies;

/// <summary>
/// A committee's text is a decision (found walking the sandbox with the 2026 Council and its 1718 Committee): in a body
/// under the no-objection procedure a new draft is a draft decision, offered neither "Put in blue" nor a vote, and
/// /blue and /kind say why they refuse; the Council beside it answers character for character as a Council alone does.
/// And an invitation names the body it is for when the deployment serves several, and only then.
/// </summary>
public sealed class CommitteeDecisionsTests
{
    private const long FraHead = 7601; // on the Council (body 1)
    private const long UsaHead = 7602; // on the 1718 Committee (body 2)
    private const long Newcomer = 7603;
    private const int Council = 1;
    private const int Committee = 2;
    private const string CouncilText = "/draft_new Council text on Haiti\nThe Security Council,\nDecides to remain seized of the matter.";

    // A Monday in December 2026.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static string Preset(string file) => Path.Combine(AppContext.BaseDirectory, "Council", file);

    private static Task<BotHarness> StartAsync(FakeTimeProvider clock, bool withCommittee)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:PrivatePerSecond"] = "50",
            ["Delivery:GroupPerMinute"] = "600",
            ["Delivery:GlobalPerSecond"] = "500",
        };
        if (withCommittee)
        {
            settings["Bodies:0:File"] = Preset("security-council-2026.json");
            settings["Bodies:1:File"] = Preset("committee-1718-2026.json");
        }
        else
        {
            settings["Council:File"] = Preset("security-council-2026.json");
        }

        return BotHarness.StartAsync(settings, new BotApiEmulatorOptions { EnforceLimits = false }, configure: s => s.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>Sends once every notice has gone, so the next message in the chat is the answer.</summary>
    private static async Task<SentMessage> AskAsync(BotHarness bot, long user, string text)
    {
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);
        return await bot.AskAsync(user, text);
    }

    /// <summary>What the Council's penholder is answered, text and keyboard, on the way to the blue (the first draft of the deployment).</summary>
    private static async Task<IReadOnlyList<string>> CouncilAnswersAsync(BotHarness bot)
    {
        var answers = new List<SentMessage>
        {
            await AskAsync(bot, FraHead, CouncilText),
            await AskAsync(bot, FraHead, "/draft D1"),
            await AskAsync(bot, FraHead, "/kind D1 decision"),
            await AskAsync(bot, FraHead, "/kind D1 prst"),
            await AskAsync(bot, FraHead, "/kind D1 resolution"),
            await AskAsync(bot, FraHead, "/blue D1 check"),
            await AskAsync(bot, FraHead, "/blue D1"),
            await AskAsync(bot, FraHead, "/draft D1"),
        };
        return [.. answers.Select(m => $"{m.Text}\n{m.ReplyMarkupJson}")];
    }

    [Fact]
    public async Task A_committee_draft_is_a_decision_with_no_blue_and_no_vote_and_the_Council_beside_it_answers_as_a_Council_alone()
    {
        var alone = new FakeTimeProvider(Now);
        IReadOnlyList<string> expected;
        await using (var single = await StartAsync(alone, withCommittee: false))
        {
            await single.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", timeZone: null, bodyId: Council);
            expected = await CouncilAnswersAsync(single);
        }

        var clock = new FakeTimeProvider(Now);
        await using var bot = await StartAsync(clock, withCommittee: true);
        await bot.SeedMemberAsync(FraHead, "FRA", DelegationRole.Head, "Nicolas", timeZone: null, bodyId: Council);
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", timeZone: null, bodyId: Committee);

        // The Council, beside a committee: every answer and every keyboard as in a deployment of the Council alone.
        Assert.Equal(expected, await CouncilAnswersAsync(bot));
        Assert.Contains("Kind: resolution", expected[1], StringComparison.Ordinal);
        Assert.Contains("Make it a presidential statement", expected[0], StringComparison.Ordinal);
        Assert.Contains("/kind D&lt;n&gt; &lt;resolution|prst|press&gt;", expected[2], StringComparison.Ordinal);

        // The committee's new draft is a draft decision: no kind to change it into, no blue, no vote.
        var created = await AskAsync(bot, UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.");
        Assert.Contains("Created D2", created.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Buttons, b => b.Text.StartsWith("Make it a", StringComparison.Ordinal) || b.Text == "Put in blue");
        var card = await AskAsync(bot, UsaHead, "/draft D2");
        Assert.Contains("Kind: decision", card.PlainText, StringComparison.Ordinal);
        Assert.Contains("Start silence", Labels(card));
        Assert.DoesNotContain(card.Buttons, b => b.Text is "Put in blue" or "Open the vote" || (b.CallbackData ?? string.Empty).Contains("blue", StringComparison.Ordinal));
        Assert.Equal(DraftKind.Decision, await ReadAsync(bot, db => db.Drafts.Where(d => d.Id == 2).Select(d => d.Kind).SingleAsync()));

        // /blue is refused with the reason, and changes nothing.
        var blue = await AskAsync(bot, UsaHead, "/blue D2");
        Assert.Contains("D2 is a draft decision: it is agreed in writing under the no-objection procedure, not put in blue or to a vote", blue.PlainText, StringComparison.Ordinal);
        var stored = await ReadAsync(bot, db => db.Drafts.AsNoTracking().SingleAsync(d => d.Id == 2));
        Assert.Equal((DraftStatus.Negotiation, null), (stored.Status, stored.BlueVersionId));
        Assert.DoesNotContain(await ReadAsync(bot, db => db.AuditEntries.Select(a => a.Details).ToListAsync()), d => d.StartsWith("D2 v1", StringComparison.Ordinal) && d.Contains("blue", StringComparison.Ordinal));
        Assert.Contains("not put in blue or to a vote", (await AskAsync(bot, UsaHead, "/blue D2 check")).PlainText, StringComparison.Ordinal);

        // /kind offers and accepts only what the committee uses, and says so plainly.
        var resolution = await AskAsync(bot, UsaHead, "/kind D2 resolution");
        Assert.Contains("This body agrees only decisions, in writing under the no-objection procedure", resolution.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftKind.Decision, await ReadAsync(bot, db => db.Drafts.Where(d => d.Id == 2).Select(d => d.Kind).SingleAsync()));
        var already = await AskAsync(bot, UsaHead, "/kind D2 decision");
        Assert.StartsWith("D2 is already a decision: the chair circulates it under the no-objection procedure", already.PlainText, StringComparison.Ordinal);
        Assert.Empty(already.Buttons);
        // The six languages' word for it: a French penholder types "décision".
        await AskAsync(bot, UsaHead, "/language fr");
        Assert.StartsWith("D2 est déjà une décision", (await AskAsync(bot, UsaHead, "/kind D2 décision")).PlainText, StringComparison.Ordinal);
        Assert.Contains("Nature : décision", (await AskAsync(bot, UsaHead, "/draft D2")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_agreed_under_no_objection_is_adopted_without_a_symbol()
    {
        var clock = new FakeTimeProvider(Now);
        await using var bot = await StartAsync(clock, withCommittee: true);
        await bot.SeedMemberAsync(UsaHead, "USA", DelegationRole.Head, "Kelly", timeZone: null, bodyId: Committee);
        await bot.SeedMemberAsync(7604, "GRC", DelegationRole.Head, "Aglaia", timeZone: null, bodyId: Committee); // the Committee's chair in the preset
        await AskAsync(bot, UsaHead, "/draft_new Exemption request 2026/7\nThe Committee approves the exemption request.");
        await AskAsync(bot, UsaHead, "/circulate D1");
        Assert.Contains("under silence until", (await AskAsync(bot, 7604, "/silence D1 24")).PlainText, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var agreed = await bot.ReplyAsync(UsaHead, m => (m.PlainText ?? string.Empty).Contains("agreed under silence", StringComparison.Ordinal));
        Assert.Contains("The decision is adopted: no member objected.", agreed.PlainText, StringComparison.Ordinal);
        var draft = await ReadAsync(bot, db => db.Drafts.AsNoTracking().SingleAsync());
        Assert.Equal((DraftStatus.Adopted, (string?)null, true), (draft.Status, draft.Symbol, draft.AdoptedAt is not null));
        Assert.DoesNotContain(agreed.Buttons, b => b.Text is "Put in blue" or "Open the vote");
    }

    [Fact]
    public async Task An_invitation_names_the_body_when_there_are_several_and_a_single_body_reads_as_before()
    {
        var clock = new FakeTimeProvider(Now);
        await using (var single = await StartAsync(clock, withCommittee: false))
        {
            var (invitation, welcome, notice) = await InviteAndJoinAsync(single, "/invite GRC head");
            Assert.StartsWith("Invitation for the head of delegation of Greece, valid once until ", invitation.PlainText, StringComparison.Ordinal);
            Assert.True(CatalogueText.Matches(Languages.English, "Invite.Created", invitation.Text));
            Assert.StartsWith("Welcome to the delegation of Greece, Eleni. You are its head of delegation.\n", welcome.PlainText, StringComparison.Ordinal);
            Assert.Equal("Eleni accepted your invitation and joined Greece as head of delegation.", notice.PlainText);
        }

        await using var bot = await StartAsync(new FakeTimeProvider(Now), withCommittee: true);
        var (named, joined, told) = await InviteAndJoinAsync(bot, "/invite 1718 GRC head");
        Assert.StartsWith("Invitation for the head of delegation of Greece on the 1718 Committee, valid once until ", named.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Welcome to the delegation of Greece on the 1718 Committee, Eleni. You are its head of delegation.\n", joined.PlainText, StringComparison.Ordinal);
        Assert.Equal("Eleni accepted your invitation and joined Greece on the 1718 Committee as head of delegation.", told.PlainText);
        Assert.Equal(Committee, await ReadAsync(bot, db => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == Newcomer).Select(m => m.BodyId).SingleAsync()));

        // The Council's invitation names the Council, in French by the French name its file gives it.
        await AskAsync(bot, BotHarness.OperatorId, "/language fr");
        var french = await AskAsync(bot, BotHarness.OperatorId, "/invite unsc FRA adviser");
        Assert.Contains("de la délégation « France » auprès de l'organe « Conseil de sécurité », valable une fois", french.PlainText, StringComparison.Ordinal);
    }

    /// <summary>The operator invites, a newcomer joins with the token: the invitation, the welcome and the operator's notice.</summary>
    private static async Task<(SentMessage Invitation, SentMessage Welcome, SentMessage Notice)> InviteAndJoinAsync(BotHarness bot, string command)
    {
        var invitation = await AskAsync(bot, BotHarness.OperatorId, command);
        var token = invitation.PlainText!.Split('\n').Single(l => l.StartsWith("Token: ", StringComparison.Ordinal))["Token: ".Length..];
        var mark = bot.LastMessageId(BotHarness.OperatorId);
        bot.Send(Newcomer, $"/join {token}", firstName: "Eleni");
        var welcome = await bot.NextMessageAsync(Newcomer, 0);
        var notice = await bot.NextMessageAsync(BotHarness.OperatorId, mark);
        return (invitation, welcome, notice);
    }
}
