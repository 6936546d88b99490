using System.IO.Compression;
using System.Text;
using CoordBot.BotApi;
using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Localization;

/// <summary>Through the emulator: the vote record, /audit, /status and /export in the requester's language.</summary>
public sealed class OperationsLanguagesEndToEndTests
{
    private const char Rlm = '\u200F';
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    private static readonly IReadOnlyList<string> Codes = TestCouncil.Codes;

    private static long Head(string code) => TestCouncil.HeadOf(code);

    [Fact]
    public async Task The_vote_record_is_written_in_each_requesters_language_with_its_numbers_and_the_veto()
    {
        var fast = new Dictionary<string, string?> { ["Delivery:PrivatePerSecond"] = "50", ["Delivery:GlobalPerSecond"] = "500" };
        await using var bot = await BotHarness.StartAsync(fast, new BotApiEmulatorOptions { EnforceLimits = false });
        await TestCouncil.Seed().SeedAsync(bot);

        await bot.AskAsync(Head("FRA"), "/language fr");
        await bot.AskAsync(Head("TUN"), "/language ar");
        var estonia = Head("EST");
        await bot.AskAsync(estonia, "/draft_new Press statement on cyber security\nThe Council condemns malicious cyber activities.");
        await bot.AskAsync(estonia, "/circulate D1");
        await bot.AskAsync(estonia, "/blue D1");
        await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 fond 24h");

        // China against (a veto on substance), everyone else in favour: the vote closes when the last ballot is in.
        foreach (var code in Codes)
        {
            bot.Send(Head(code), code == "CHN" ? "/vote D1 no" : "/vote D1 yes");
        }

        Assert.StartsWith("Résultat du vote sur D1 v1", (await bot.VoteResultAsync(Head("FRA"), "fr")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(Head("FRA"), "/explain D1 La France regrette ce veto.");

        // French: the document, its caption, the numbers and the reason in French; the file name the same as in English.
        bot.Send(Head("FRA"), "/record D1");
        var french = await bot.ReplyAsync(Head("FRA"), m => m.DocumentName is not null);
        Assert.Equal("D1-v1-vote-record.txt", french.DocumentName);
        Assert.Equal("Procès-verbal du vote sur D1 v1 «\u00a0Press statement on cyber security\u00a0» : non adopté.", french.PlainText);
        var record = Encoding.UTF8.GetString(french.DocumentContent!).Split('\n');
        Assert.Equal("PROCÈS-VERBAL DU VOTE SUR D1 v1 : Press statement on cyber security", record[0]);
        Assert.Equal("Question : de fond ; règle : Conseil de sécurité", record[2]); // the rule named in French, not by its code (issue 27)
        Assert.Equal("Résultat : NON ADOPTÉ (veto opposé par Chine)", record[4]);
        Assert.Equal("Pour : 14, contre : 1, abstentions : 0, absents : 0", record[5]);
        Assert.Equal("VOTES (le vote actuel de chaque délégation)", record[7]);
        Assert.Contains(record, line => line.StartsWith("  Chine : contre, enregistré le ", StringComparison.Ordinal));
        Assert.Contains(record, line => line.StartsWith("  Royaume-Uni : pour, enregistré le ", StringComparison.Ordinal));
        Assert.Contains(record, line => line.StartsWith("  France (", StringComparison.Ordinal) && line.EndsWith(") : La France regrette ce veto.", StringComparison.Ordinal));
        Assert.Matches(@"^  #1 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC [A-Z]{3} utilisateur \d+ : exprimé (pour|contre)  empreinte [0-9a-f]+$", record.Single(l => l.StartsWith("  #1 ", StringComparison.Ordinal)));
        Assert.Contains(record, line => line.StartsWith("TEXTE MIS AUX VOIX (SHA-256 ", StringComparison.Ordinal));
        Assert.Equal("The Council condemns malicious cyber activities.", record.Last(l => l.Length > 0));

        // Arabic: every line marked right to left, each value isolated, so the veto and the counts read in order.
        bot.Send(Head("TUN"), "/record D1");
        var arabic = await bot.ReplyAsync(Head("TUN"), m => m.DocumentName is not null);
        Assert.Equal("D1-v1-vote-record.txt", arabic.DocumentName);
        var lines = Encoding.UTF8.GetString(arabic.DocumentContent!).Split('\n');
        Assert.Equal($"{Rlm}سجل التصويت على {Fsi}D1 v1{Pdi}: {Fsi}Press statement on cyber security{Pdi}", lines[0]);
        Assert.Equal($"{Rlm}النتيجة: لم يُعتمد ({Fsi}استُخدم حق النقض من جانب {Fsi}الصين{Pdi}{Pdi})", lines[4]);
        Assert.Equal($"{Rlm}المؤيدون: {Fsi}14{Pdi}، المعارضون: {Fsi}1{Pdi}، الممتنعون: {Fsi}0{Pdi}، الغائبون: {Fsi}0{Pdi}", lines[5]);
        Assert.Contains(lines, line => line.StartsWith($"{Rlm}  {Fsi}الصين{Pdi}: {Fsi}معارض{Pdi}، سُجّل في {Fsi}", StringComparison.Ordinal));
        Assert.StartsWith($"{Rlm}سجل التصويت على {Fsi}D1 v1{Pdi} «{Fsi}Press statement on cyber security{Pdi}»: لم يُعتمد.", arabic.PlainText, StringComparison.Ordinal);

        // The English record is as it always was.
        bot.Send(estonia, "/record D1");
        var english = Encoding.UTF8.GetString((await bot.ReplyAsync(estonia, m => m.DocumentName is not null)).DocumentContent!).Split('\n');
        Assert.Equal("RECORD OF THE VOTE ON D1 v1: Press statement on cyber security", english[0]);
        Assert.Equal("Result: NOT ADOPTED (vetoed by China)", english[4]);
        Assert.Equal("In favour 14, against 1, abstaining 0, absent 0", english[5]);

        // /audit for the French reader, word for word.
        var audit = await bot.AskAsync(Head("FRA"), "/audit D1");
        Assert.Equal(
            "Vérification du vote sur D1 v1 : 15 entrées au journal.\n"
            + "Chaîne d'empreintes : intacte (chaque entrée est liée à la précédente et correspond à son empreinte).\n"
            + "Le décompte recalculé à partir du journal correspond aux votes enregistrés (15 délégations).",
            audit.PlainText);
    }

    [Fact]
    public async Task Status_and_export_answer_a_French_operator_in_French()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.AskAsync(BotHarness.OperatorId, "/language fr");

        var status = (await bot.AskAsync(BotHarness.OperatorId, "/status")).PlainText!.Split('\n');

        Assert.Equal("État de CoordBot", status[0]);
        Assert.Matches(@"^Version [0-9.]+, en service depuis le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4} \d\d:\d\d UTC \(\d+ (s|min)\)$", status[1]);
        Assert.Matches(@"^Mises à jour en attente : 1( \(attente la plus longue : \d+ s\))?, ce /status compris$", status[2]);
        Assert.StartsWith("Messages en attente : ", status[3], StringComparison.Ordinal);
        Assert.Equal("Dernier 429 de Telegram : aucun depuis le démarrage", status[4]);
        Assert.Matches(@"^Tâches planifiées : [1-9]\d*$", status[5]);
        Assert.Matches(@"^Base de données : \d+(,\d)? (Ko|Mo)$", status[6]);
        Assert.Equal("Aucune erreur enregistrée.", status[7]);

        bot.Send(BotHarness.OperatorId, "/export");
        var archive = await bot.ReplyAsync(BotHarness.OperatorId, m => m.DocumentName is not null);
        Assert.StartsWith("0 projet et 0 vote de ", archive.PlainText, StringComparison.Ordinal);
        Assert.Matches(@"^coordbot-export-\d{8}-\d{4}\.zip$", archive.DocumentName);
        using var zip = new ZipArchive(new MemoryStream(archive.DocumentContent!));
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        Assert.StartsWith("Décisions de ", await readme.ReadLineAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apology_after_a_failure_is_in_the_senders_language()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s.AddCommand<EndToEnd.FoundationTests.ExplodingHandler>());
        await bot.AskAsync(42, "/language fr");

        var apology = await bot.AskAsync(42, "/explode");

        Assert.Matches(@"^Désolé, une erreur s'est produite pendant le traitement, et rien n'a été modifié\. Veuillez réessayer ; si cela se reproduit, prévenez un opérateur \(référence U\d+\)\.$", apology.Text);
        Assert.DoesNotContain(bot.Emulator.MessagesIn(42), m => m.Text!.Contains("half-done", StringComparison.Ordinal));
    }
}
