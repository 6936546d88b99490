using CoordBot.Domain;
using CoordBot.Localization;
using static CoordBot.Tests.Sessions.SessionsTestKit;

namespace CoordBot.Tests.Localization;

/// <summary>
/// The domain's refusals are codes worded by the catalogue in the reader's language (issue 26 item 3): a
/// Chinese reader and a French chair are refused through the emulator; the Chinese reader gets no English at all.
/// </summary>
public sealed class RefusalsLanguagesEndToEndTests
{
    [Fact]
    public async Task Refusals_of_the_rules_reach_each_reader_in_their_language_and_hold_no_English()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/language fr");
        await bot.AskAsync(EstAdviser, "/language zh");
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC open Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Syria");

        var chair = await bot.AskAsync(Chair, "/speak A1");
        await bot.AskAsync(EstAdviser, "/speak A1");
        var again = await bot.AskAsync(EstAdviser, "/speak A1");
        var moved = await bot.AskAsync(Chair, "/agenda_move A1 5");

        Assert.Equal(Reasons.Sentence("fr", Reason.Of(ReasonCode.SpeakForDelegation)), chair.PlainText);
        Assert.Equal(Reasons.Sentence("zh", Reason.Of(ReasonCode.SpeakersAlreadyOn, "爱沙尼亚")), again.PlainText);
        Assert.Contains(Reasons.Text("fr", Reason.Of(ReasonCode.AgendaPositionOutOfRange, 5, 1)), moved.PlainText, StringComparison.Ordinal);
        Assert.Empty(NoEnglish.In(bot.Emulator, EstAdviser, "zh", ["Middle East", "Syria"]));
    }

    [Fact]
    public async Task The_steps_of_the_draft_guide_are_named_in_the_readers_language()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(EstAdviser, "/language fr");

        var title = await bot.AskAsync(EstAdviser, "/draft_new");
        var text = await bot.AskAsync(EstAdviser, "Cyber");

        Assert.Contains("/draft_new, étape 1 sur 2 : Titre", title.PlainText, StringComparison.Ordinal);
        Assert.Contains("/draft_new, étape 2 sur 2 : Texte", text.PlainText, StringComparison.Ordinal);
        Assert.Empty(NoEnglish.In(bot.Emulator, EstAdviser, "fr", ["Cyber", "Français"]));
    }

    [Fact]
    public async Task A_refusal_in_English_is_the_sentence_the_bot_always_wrote()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        await bot.AskAsync(Chair, "/schedule 2026-11-30 15:00 UTC open Middle East");
        await bot.AskAsync(Chair, "/agenda_add S1 Syria");
        await bot.AskAsync(EstAdviser, "/speak A1");

        Assert.Equal("Speaking for a delegation needs its head, deputy or an adviser.", (await bot.AskAsync(Chair, "/speak A1")).PlainText);
        Assert.Equal("Estonia is already on the list of speakers.", (await bot.AskAsync(EstAdviser, "/speak A1")).PlainText);
        Assert.Equal("I could not move A1: position 5 is out of range: the agenda has positions 1 to 1.", (await bot.AskAsync(Chair, "/agenda_move A1 5")).PlainText);
    }
}
