using CoordBot.BotApi;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Drafts;
using CoordBot.Localization;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Tests.Drafts.DraftsByButtonsTests;

namespace CoordBot.Tests.Drafts;

/// <summary>
/// Issue 23 items 10 and 13, issue 24 items 1 and 6, through the emulator: paragraphs typed line by line, accepted
/// amendments that change the text in one tap, "Put in blue" that asks and shows the unanswered objection, and
/// comments to the penholder alone.
/// </summary>
public sealed class DraftingEndToEndTests
{
    /// <summary>A message written from the catalogue entry <paramref name="key"/> (it begins with it).</summary>
    private static bool Is(SentMessage m, string key) => CatalogueText.StartsWith(Languages.English, key, m.Text);

    /// <summary>A reply refusing with the reason <paramref name="key"/> (a <c>Reason.*</c> entry, written as a sentence).</summary>
    private static bool Refused(SentMessage m, string key) => CatalogueText.StartsWithRefusal(Languages.English, key, m.PlainText);

    /// <summary>A draft's text as /draft shows it: the one message with the "Content hash:" line (notices say it otherwise).</summary>
    private static bool Read(SentMessage m) => CatalogueText.Contains(Languages.English, "Drafts.Header.Hash", m.Text);

    /// <summary>Checks that <paramref name="message"/>, found by what the bot did, begins with <paramref name="starts"/>: a rewording shows here as a difference, not as a wait that times out.</summary>
    private static SentMessage Says(SentMessage message, string starts)
    {
        Assert.StartsWith(starts, message.PlainText, StringComparison.Ordinal);
        return message;
    }

    /// <summary>Sends <paramref name="text"/> and waits for the answer that <paramref name="answer"/> recognises (notices of others' actions may arrive in between), then checks it begins with <paramref name="starts"/>.</summary>
    private static async Task<SentMessage> AskAsync(BotHarness bot, long user, string text, Func<SentMessage, bool> answer, string starts)
    {
        var last = bot.LastMessageId(user);
        bot.Send(user, text);
        return Says(await bot.ReplyAsync(user, m => m.MessageId > last && answer(m)), starts);
    }

    [Fact]
    public async Task Three_lines_typed_on_a_phone_are_three_paragraphs_numbered_in_the_readers_view()
    {
        await using var bot = await CouncilAsync();
        var estonia = Head("EST");

        var created = await bot.AskAsync(estonia, "/draft_new Press statement\nThe Council welcomes the talks.\nIt calls for calm.\nIt remains seized of the matter.");
        Assert.Contains("(3 paragraphs,", created.PlainText, StringComparison.Ordinal);

        var read = await bot.AskAsync(estonia, "/draft D1");
        var lines = read.PlainText!.Split('\n');
        Assert.Equal(["§1 The Council welcomes the talks.", "", "§2 It calls for calm.", "", "§3 It remains seized of the matter."], lines[^5..]);

        Assert.Contains("D1 v1 §3 is recorded", (await bot.AskAsync(estonia, "/comment D1 §3 Keep this.")).PlainText, StringComparison.Ordinal);
        Assert.Contains("§4 does not exist", (await bot.AskAsync(estonia, "/comment D1 §4 No such paragraph.")).PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_amendments_are_applied_in_one_tap_and_two_on_the_same_paragraph_are_chosen_between()
    {
        await using var bot = await CouncilAsync();
        var (estonia, france, china) = (Head("EST"), Head("FRA"), Head("CHN"));
        await bot.AskAsync(estonia, "/draft_new Press statement on the Sahel\nThe Council welcomes the agreement.\nThe Council calls for calm.\nThe Council remains seized of the matter.");
        await bot.AskAsync(estonia, "/circulate D1 FRA,CHN");
        await bot.AskAsync(france, "/amend D1 §2 The Council calls for calm and restraint.");
        await bot.AskAsync(china, "/amend D1 §2 The Council calls on all parties to exercise restraint.");
        await bot.AskAsync(france, "/amend D1 §2+ The Council supports the mediation of the African Union.");

        // Accepting the first offers the next version at once, as a diff, to make in one tap.
        Assert.Equal("M1 is accepted. The proposing delegation has been told.", (await AskAsync(bot, estonia, "/accept M1", m => Is(m, "Drafting.Decide.Accepted"), "M1 is")).PlainText);
        var first = Says(await bot.ReplyAsync(estonia, m => Is(m, "Drafting.Apply.Offer")), "The next version, D1 v2");
        Assert.Contains("with amendments M1 applied to v1", first.PlainText, StringComparison.Ordinal);
        Assert.Contains("and restraint</u>", first.Text, StringComparison.Ordinal);
        Assert.Equal(["Make v2 with M1"], Labels(first));

        // Two accepted amendments replace §2: shown one under the other, the penholder takes one.
        await AskAsync(bot, estonia, "/accept M2", m => Is(m, "Drafting.Decide.Accepted"), "M2 is accepted");
        var conflict = Says(await bot.ReplyAsync(estonia, m => Is(m, "Drafting.Apply.Conflict")), "§2: M1, M2 replace the same paragraph");
        Assert.Contains("§2 now: The Council calls for calm.", conflict.PlainText, StringComparison.Ordinal);
        Assert.Contains("M1 · France (FRA): The Council calls for calm and restraint.", conflict.PlainText, StringComparison.Ordinal);
        Assert.Contains("M2 · China (CHN): The Council calls on all parties to exercise restraint.", conflict.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Take M1 for §2", "Take M2 for §2"], Labels(conflict));

        var third = await AskAsync(bot, estonia, "/accept M3", m => Is(m, "Drafting.Decide.Accepted"), "M3 is accepted");
        var withInsert = Says(await bot.ReplyAsync(estonia, m => m.MessageId > third.MessageId && Is(m, "Drafting.Apply.Conflict")), "§2: M1, M2 replace the same paragraph");
        var chosen = Says(await TapAsync(bot, estonia, withInsert, "Take M2 for §2", m => Is(m, "Drafting.Apply.Offer")), "The next version, D1 v2");
        Assert.Contains("with amendments M2, M3 applied to v1", chosen.PlainText, StringComparison.Ordinal);
        var made = Says(await TapAsync(bot, estonia, chosen, "Make v2 with M2, M3", m => Is(m, "Drafting.Apply.Done")), "D1 is now at version 2");
        Assert.Contains("with amendments M2, M3 applied", made.PlainText, StringComparison.Ordinal);
        // The offer's button has done its work: it goes, and the offer shows what was done (as an answered question does).
        var used = await bot.ReplyAsync(estonia, m => m.MessageId == chosen.MessageId && m.EditCount > chosen.EditCount);
        Assert.Empty(used.Buttons);
        Assert.EndsWith("✓ Make v2 with M2, M3", used.PlainText, StringComparison.Ordinal);

        // The new version carries them: its text, the record of which it carries, the notice and the diff name them.
        var text = await ReadAsync(bot, db => db.DraftVersions.Where(v => v.Number == 2).Select(v => v.Text).SingleAsync());
        Assert.Equal("The Council welcomes the agreement.\nThe Council calls on all parties to exercise restraint.\nThe Council supports the mediation of the African Union.\nThe Council remains seized of the matter.", text);
        var carried = await ReadAsync(bot, db => db.DraftAmendments.OrderBy(m => m.Id).Select(m => m.AppliedInVersion).ToListAsync());
        Assert.Equal([null, 2, 2], carried);
        var notice = Says(await bot.ReplyAsync(france, m => Is(m, "Drafting.Apply.Notice")), "D1 v2 · Press statement on the Sahel: a new version");
        Assert.Contains("with amendments M2, M3 applied", notice.PlainText, StringComparison.Ordinal);
        var diff = await AskAsync(bot, france, "/diff D1", m => Is(m, "Drafts.Diff.Heading"), "D1 · Press statement on the Sahel: changes");
        Assert.Contains("Amendments applied: M2, M3.", diff.PlainText, StringComparison.Ordinal);

        // The first offer, pressed late, acts on the draft as it is now: its text has moved on.
        var stale = Says(await TapAsync(bot, estonia, first, "Make v2 with M1", m => Is(m, "Drafting.Apply.Stale")), "That offer was made on D1 v1");
        Says(await bot.ReplyAsync(estonia, m => m.MessageId > stale.MessageId && Is(m, "Drafting.Apply.Nothing")), "No accepted amendment to D1 v2");
        Assert.Equal(2, await ReadAsync(bot, db => db.DraftVersions.CountAsync()));

        // Only the penholder applies.
        await AskAsync(bot, france, "/apply D1", m => Refused(m, "Reason.PenholderRevises"), "Only the penholder delegation");
    }

    [Fact]
    public async Task Put_in_blue_asks_first_and_shows_the_objection_of_a_delegation_that_broke_silence()
    {
        await using var bot = await CouncilAsync();
        var (estonia, france) = (Head("EST"), Head("FRA"));
        await bot.AskAsync(estonia, "/draft_new Press statement\nThe Council calls for calm.");
        await bot.AskAsync(estonia, "/circulate D1 FRA");
        await bot.AskAsync(estonia, "/silence D1 24");
        await bot.AskAsync(france, "/breaksilence D1 Paris needs the word \"ceasefire\".");

        var draft = await AskAsync(bot, estonia, "/draft D1", Read, "D1 v1 · Press statement\nStatus");
        var ask = Says(await TapAsync(bot, estonia, draft, "Put in blue", m => Is(m, "Drafting.Blue.Ask")), "Put D1 v1");
        Assert.Contains("Unanswered objections to v1", ask.PlainText, StringComparison.Ordinal);
        Assert.Contains("France (FRA)", ask.PlainText, StringComparison.Ordinal);
        Assert.Contains("Paris needs the word \"ceasefire\".", ask.PlainText, StringComparison.Ordinal);
        Assert.Equal(["Yes, put v1 in blue", "Not now"], Labels(ask));
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        // A new version answers the objection; the old question's confirmation no longer fits the text.
        await AskAsync(bot, estonia, "/revise D1\nThe Council calls for a ceasefire.", m => Is(m, "Drafts.Revise.Done"), "D1 is now at version 2");
        var changed = Says(await TapAsync(bot, estonia, ask, "Yes, put v1 in blue", m => Is(m, "Drafting.Blue.Changed")), "D1 has changed");
        var again = Says(await bot.ReplyAsync(estonia, m => m.MessageId > changed.MessageId && Is(m, "Drafting.Blue.Ask")), "Put D1 v2");
        Assert.DoesNotContain("ceasefire\".", again.PlainText, StringComparison.Ordinal);
        Assert.Contains("No objection or amendment is waiting.", again.PlainText, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.Negotiation, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));

        Says(await TapAsync(bot, estonia, again, "Yes, put v2 in blue", m => Is(m, "Drafts.Blue.Done")), "D1 v2 is in blue");
        Assert.Equal(DraftStatus.InBlue, await ReadAsync(bot, db => db.Drafts.Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_comment_to_the_penholder_only_is_seen_by_the_penholder_marked_private_and_by_no_other_delegation()
    {
        await using var bot = await CouncilAsync();
        var (estonia, france, china) = (Head("EST"), Head("FRA"), Head("CHN"));
        await bot.AskAsync(estonia, "/draft_new Press statement\nThe Council calls for calm.");
        await bot.AskAsync(estonia, "/circulate D1 FRA,CHN");
        await bot.AskAsync(china, "/comment D1 Fine with us.");

        var done = await AskAsync(bot, france, "/comment_private D1 §1 Paris could live with \"restraint\" instead.", m => Is(m, "Drafting.Comment.PrivateDone"), "Your comment");
        Assert.Contains("goes to the penholder, Estonia (EST), only", done.PlainText, StringComparison.Ordinal);
        var told = Says(await bot.ReplyAsync(estonia, m => Is(m, "Drafting.Comment.PrivateNotice")), "🔒 Comment to the penholder only on D1 v1 §1");
        Assert.Contains("Paris could live with", told.PlainText, StringComparison.Ordinal);

        var penholder = await AskAsync(bot, estonia, "/comments D1", m => Is(m, "Drafts.Comments.Heading"), "D1 v1 · Press statement (hash");
        Assert.Contains("🔒 (to the penholder only) §1", penholder.PlainText, StringComparison.Ordinal);
        Assert.Contains("Fine with us.", penholder.PlainText, StringComparison.Ordinal);
        Assert.Contains("Paris could live with", (await AskAsync(bot, france, "/comments D1", m => Is(m, "Drafts.Comments.Heading"), "D1 v1 · Press statement (hash")).PlainText, StringComparison.Ordinal);
        var other = await AskAsync(bot, china, "/comments D1", m => Is(m, "Drafts.Comments.Heading"), "D1 v1 · Press statement (hash");
        Assert.Contains("Fine with us.", other.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris", other.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("🔒", other.PlainText, StringComparison.Ordinal);
        Assert.True(await ReadAsync(bot, db => db.DraftComments.AnyAsync(c => c.ToPenholderOnly && c.DelegationCode == "FRA")));
    }
    [Fact]
    public async Task A_co_penholder_revises_and_decides_amendments_and_sponsors_join_by_a_button_both_listed_on_the_draft()
    {
        await using var bot = await CouncilAsync();
        var (estonia, france, niger, china) = (Head("EST"), Head("FRA"), Head("NER"), Head("CHN"));
        await bot.AskAsync(estonia, "/draft_new Press statement\nThe Council calls for calm.");
        await bot.AskAsync(estonia, "/circulate D1 NER,CHN");
        await AskAsync(bot, france, "/revise D1\nNot yet ours.", m => Is(m, "Drafts.NotVisible"), "I know no draft D1");

        await AskAsync(bot, estonia, "/copenholder D1 FRA", m => Is(m, "Drafting.CoPenholder.Done"), "France (FRA) is now co-penholder of D1");
        Says(await bot.ReplyAsync(france, m => Is(m, "Drafting.CoPenholder.Notice")), "Estonia (EST) named your delegation co-penholder of D1");
        await AskAsync(bot, france, "/copenholder D1 GBR", m => Refused(m, "Reason.OnlyLeadNames"), "Only the lead penholder delegation (EST) names co-penholders.");
        await AskAsync(bot, estonia, "/copenholder D1 FRA", m => Refused(m, "Reason.AlreadyPenholder"), "FRA already holds the pen of this draft.");

        // The co-penholder revises and decides amendments like the penholder.
        await AskAsync(bot, france, "/revise D1\nThe Council calls for calm and restraint.", m => Is(m, "Drafts.Revise.Done"), "D1 is now at version 2");
        await AskAsync(bot, china, "/amend D1 §1 The Council calls for an immediate ceasefire.", m => Is(m, "Drafts.Amend.Done"), "Amendment M1");
        Says(await bot.ReplyAsync(france, m => Is(m, "Drafts.Amend.Notice")), "Amendment M1 to D1 v2 §1 from China (CHN)");
        await AskAsync(bot, france, "/accept M1", m => Is(m, "Drafting.Decide.Accepted"), "M1 is accepted");

        // A reader joins the sponsors with the button under the draft; the penholders are told.
        var read = await AskAsync(bot, niger, "/draft D1", Read, "D1 v2 · Press statement\nStatus");
        Says(await TapAsync(bot, niger, read, "Sponsor", m => Is(m, "Drafting.Sponsor.Done")), "Niger (NER) sponsors D1");
        Says(await bot.ReplyAsync(estonia, m => Is(m, "Drafting.Sponsor.Notice")), "Niger (NER) joined the sponsors of D1");
        Says(await bot.ReplyAsync(france, m => Is(m, "Drafting.Sponsor.Notice")), "Niger (NER) joined the sponsors of D1");
        await AskAsync(bot, niger, "/sponsor D1", m => Refused(m, "Reason.AlreadySponsor"), "Your delegation already sponsors this draft.");
        await AskAsync(bot, estonia, "/sponsor D1", m => Refused(m, "Reason.SponsorIsPenholder"), "Your delegation holds the pen of this draft");

        var listed = await AskAsync(bot, china, "/draft D1", Read, "D1 v2 · Press statement\nStatus");
        Assert.Contains("Co-penholders: France (FRA)", listed.PlainText, StringComparison.Ordinal);
        Assert.Contains("Sponsors: Niger (NER)", listed.PlainText, StringComparison.Ordinal);
        Assert.Contains("Sponsor", Labels(listed));
        Assert.DoesNotContain("Sponsor", Labels(await AskAsync(bot, niger, "/draft D1", Read, "D1 v2 · Press statement\nStatus")));
    }
}
