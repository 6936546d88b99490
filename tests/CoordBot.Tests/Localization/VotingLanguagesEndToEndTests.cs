using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Localization;

/// <summary>Through the emulator: a vote among delegations whose heads read six languages, one delegation's group a seventh reader.</summary>
public sealed class VotingLanguagesEndToEndTests
{
    private const long UsaGroup = -100_7299;
    private const char Rlm = '\u200F';
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    [Fact]
    public async Task Each_ballot_receipt_and_result_reaches_each_reader_in_their_language_with_the_numbers_and_the_veto()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GroupPerMinute"] = "600", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        var codes = TestCouncil.Codes;
        static long Head(string code) => TestCouncil.HeadOf(code);
        await TestCouncil.Seed().SeedAsync(bot);

        // Six readers, six languages; the United States' group reads French while its head (privately) reads English.
        var languages = new Dictionary<string, string> { ["GBR"] = "en", ["FRA"] = "fr", ["DOM"] = "es", ["RUS"] = "ru", ["CHN"] = "zh", ["TUN"] = "ar" };
        foreach (var (code, language) in languages.Where(l => l.Value != "en"))
        {
            await bot.AskAsync(Head(code), $"/language {language}");
        }

        await bot.LinkGroupAsync("USA", UsaGroup);
        await bot.AskAsync(Head("USA"), "/language fr", UsaGroup);

        var estonia = Head("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1");
        var opened = await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        Assert.StartsWith("Voting opened on D1 v1", opened.PlainText, StringComparison.Ordinal);

        // The ballots: private, each in its reader's language, the button data the same in all.
        var ballots = new Dictionary<string, (string Starts, string[] Buttons)>
        {
            ["GBR"] = ("Ballot for United Kingdom: D1 v1 «Press statement on cyber security» (hash ", ["In favour", "Against", "Abstain"]),
            ["FRA"] = ("Bulletin de vote pour France : D1 v1 « Press statement on cyber security » (empreinte ", ["Pour", "Contre", "Abstention"]),
            ["DOM"] = ("Papeleta de República Dominicana: D1 v1 «Press statement on cyber security» (hash ", ["A favor", "En contra", "Abstención"]),
            ["RUS"] = ("Бюллетень делегации Российская Федерация: D1 v1 «Press statement on cyber security» (хеш ", ["За", "Против", "Воздержаться"]),
            ["CHN"] = ("选票（中国）：D1 v1《Press statement on cyber security》（哈希 ", ["赞成", "反对", "弃权"]),
            ["TUN"] = ($"{Rlm}ورقة اقتراع لـ {Fsi}تونس{Pdi}: {Fsi}{Fsi}{Fsi}D1 v1{Pdi} «{Fsi}Press statement on cyber security{Pdi}» (البصمة ", ["مؤيد", "معارض", "امتناع"]),
        };
        foreach (var (code, (starts, buttons)) in ballots)
        {
            // The ballot is the message with the ballot buttons (the draft's notices carry buttons of their own).
            var ballot = await bot.ReplyAsync(Head(code), m => m.Buttons.Count == 3 && m.Buttons[0].CallbackData!.StartsWith("b:", StringComparison.Ordinal));
            Assert.StartsWith(starts, ballot.PlainText, StringComparison.Ordinal);
            Assert.Equal(buttons, ballot.Buttons.Select(b => b.Text));
            Assert.Equal(["b:1:y", "b:1:n", "b:1:a"], ballot.Buttons.Select(b => b.CallbackData));
        }

        Assert.StartsWith("Le vote est ouvert sur D1 v1", (await bot.MessageStartingWithCatalogueAsync(UsaGroup, "Voting.Started", "fr")).PlainText, StringComparison.Ordinal);

        // The votes, typed in each reader's own words; China votes against. Each receipt in the voter's language.
        var receipts = new Dictionary<string, (string Command, string Starts)>
        {
            ["GBR"] = ("/vote D1 yes", "United Kingdom voted in favour of D1 v1 (hash "),
            ["FRA"] = ("/vote D1 oui", "France a voté pour D1 v1 (empreinte "),
            ["DOM"] = ("/vote D1 sí", "República Dominicana votó a favor de D1 v1 (hash "),
            ["RUS"] = ("/vote D1 за", "Российская Федерация: голос «за» по D1 v1 (хеш "),
            ["CHN"] = ("/vote D1 反对", "中国对D1 v1投了反对票（哈希 "),
            ["TUN"] = ("/vote D1 نعم", $"{Rlm}صوّت {Fsi}تونس{Pdi} مؤيدًا لـ {Fsi}D1 v1{Pdi} (البصمة "),
        };
        foreach (var (code, (command, starts)) in receipts)
        {
            var last = bot.Emulator.MessagesIn(Head(code)).Max(m => m.MessageId);
            bot.Send(Head(code), command);
            // Waiting on the words: the private notice that voting started may still arrive in between.
            var receipt = await bot.ReplyAsync(Head(code), m => m.MessageId > last && m.PlainText!.StartsWith(starts, StringComparison.Ordinal));
            Assert.StartsWith(starts, receipt.PlainText, StringComparison.Ordinal);
        }

        // A refusal in the reader's language: Russia votes "за" again.
        var again = await bot.AskAsync(Head("RUS"), "/vote D1 за");
        Assert.Equal("Не учтено: ваша делегация уже проголосовала за.", again.PlainText);

        // The United States votes privately (English); its group reads the receipt in French.
        var usa = await bot.AskAsync(Head("USA"), "/vote D1 yes");
        Assert.StartsWith("United States voted in favour of D1 v1", usa.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("États-Unis a voté pour D1 v1 (empreinte ", (await bot.MessageFromCatalogueAsync(UsaGroup, "Voting.Receipt.Yes", "fr")).PlainText, StringComparison.Ordinal);

        foreach (var code in codes.Where(c => !receipts.ContainsKey(c) && c != "USA"))
        {
            await bot.AskAsync(Head(code), "/vote D1 yes");
        }

        // The result: 14 in favour, China against, so vetoed: each reader in their language.
        var results = new Dictionary<long, string[]>
        {
            [Head("GBR")] = ["Result of the vote on D1 v1 «Press statement on cyber security»", "NOT ADOPTED: vetoed by China", "In favour (14): ", "Against (1): China", "Abstaining (0): none"],
            [Head("FRA")] = ["Résultat du vote sur D1 v1 « Press statement on cyber security »", "NON ADOPTÉ : veto opposé par Chine", "Pour (14) : ", "Contre (1) : Chine", "Abstentions (0) : aucune"],
            [Head("DOM")] = ["Resultado de la votación sobre D1 v1", "NO APROBADO: vetado por China", "A favor (14): ", "En contra (1): China", "Abstenciones (0): ninguna"],
            [Head("RUS")] = ["Итоги голосования по D1 v1", "НЕ ПРИНЯТ: вето: Китай", "За (14): ", "Против (1): Китай", "Воздержались (0): нет"],
            [Head("CHN")] = ["D1 v1表决结果", "未通过：中国投了否决票", "赞成（14）：", "反对（1）：中国", "弃权（0）：无"],
            [Head("TUN")] = [$"{Rlm}نتيجة التصويت على {Fsi}D1 v1{Pdi}", $"{Rlm}لم يُعتمد: {Fsi}استُخدم حق النقض من جانب {Fsi}الصين{Pdi}{Pdi}", $"{Rlm}المؤيدون ({Fsi}14{Pdi}): ", $"{Rlm}المعارضون ({Fsi}1{Pdi}): {Fsi}الصين{Pdi}"],
            [UsaGroup] = ["Résultat du vote sur D1 v1", "NON ADOPTÉ : veto opposé par Chine", "Pour (14) : ", "Contre (1) : Chine"],
        };
        foreach (var (chat, lines) in results)
        {
            var result = await bot.ReplyAsync(chat, m => m.PlainText!.StartsWith(lines[0], StringComparison.Ordinal));
            var got = result.PlainText!.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.StartsWith(lines[i], got[i], StringComparison.Ordinal);
            }
        }
    }
}
