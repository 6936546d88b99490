using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;

namespace CoordBot.Domain.Tests.Voting;

public sealed class DecisionRulesTests
{
    private static readonly CouncilDefinition Council = CouncilPresets.SecurityCouncil2020;

    // Elected members first, so "the first n" elected members can be written compactly.
    private const string NineElected = "BEL DOM EST DEU IDN NER VCT ZAF TUN";

    [Theory]
    // Art. 27(3): a permanent "no" is a veto once the draft has its nine votes.
    [InlineData(MatterKind.Substantive, NineElected, "CHN", "FRA GBR RUS USA VNM", "", false, "vetoed by China")]
    [InlineData(MatterKind.Substantive, NineElected + " VNM", "RUS CHN", "FRA GBR USA", "", false, "vetoed by China, Russian Federation")]
    // By practice an abstention or an absence of a permanent member is not a veto.
    [InlineData(MatterKind.Substantive, NineElected, "", "CHN FRA GBR RUS USA VNM", "", true, "adopted: 9 in favour (9 required), no permanent member against; 0 against, 6 abstentions")]
    [InlineData(MatterKind.Substantive, NineElected + " FRA GBR USA", "", "CHN", "", true, "adopted: 12 in favour (9 required), no permanent member against; 0 against, 1 abstention, 2 absent")]
    [InlineData(MatterKind.Substantive, NineElected + " VNM CHN FRA GBR USA", "", "", "", true, "adopted: 14 in favour (9 required), no permanent member against; 0 against, 0 abstentions, 1 absent")]
    [InlineData(MatterKind.Substantive, NineElected + " VNM FRA GBR USA", "", "CHN RUS", "", true, "adopted: 13 in favour (9 required), no permanent member against; 0 against, 2 abstentions")]
    // Short of nine: fails for lack of votes, even with a permanent member against (not recorded as a veto).
    [InlineData(MatterKind.Substantive, "BEL DOM EST DEU IDN NER VCT ZAF", "", "TUN CHN FRA GBR RUS USA VNM", "", false, "8 affirmative votes, 9 required")]
    [InlineData(MatterKind.Substantive, "BEL DOM EST DEU IDN NER VCT ZAF", "USA", "", "", false, "8 affirmative votes, 9 required")]
    [InlineData(MatterKind.Substantive, "BEL", "", "", "", false, "1 affirmative vote, 9 required")]
    // Procedural matters: nine votes suffice, a permanent "no" is not a veto.
    [InlineData(MatterKind.Procedural, NineElected, "CHN RUS", "FRA GBR USA VNM", "", true, "adopted: 9 in favour (9 required); 2 against, 4 abstentions")]
    [InlineData(MatterKind.Procedural, "BEL DOM EST DEU IDN NER VCT ZAF CHN", "", "", "", true, "adopted: 9 in favour (9 required); 0 against, 0 abstentions, 6 absent")]
    [InlineData(MatterKind.Procedural, "BEL DOM EST DEU IDN NER VCT ZAF", "", "TUN", "", false, "8 affirmative votes, 9 required")]
    // Art. 27(3): a party to a dispute does not vote; a recused permanent member cannot veto and is not absent.
    [InlineData(MatterKind.Substantive, NineElected + " VNM FRA GBR USA", "", "CHN", "RUS", true, "adopted: 13 in favour (9 required), no permanent member against; 0 against, 1 abstention")]
    [InlineData(MatterKind.Substantive, NineElected + " FRA GBR USA CHN", "RUS", "", "RUS VNM", true, "adopted: 13 in favour (9 required), no permanent member against; 0 against, 0 abstentions")]
    public void Council_rule_applies_article_27(
        MatterKind matter, string yes, string no, string abstain, string recused, bool adopted, string reason)
    {
        var result = Decide(DecisionRuleKind.Council, matter, yes, no, abstain, recused);

        Assert.Equal((adopted, reason), (result.Adopted, result.Reason));
    }

    [Fact]
    public void Vetoes_and_absences_are_listed_by_name()
    {
        var result = Decide(DecisionRuleKind.Council, MatterKind.Substantive, NineElected, "USA RUS CHN", "FRA", "");

        Assert.Equal(["CHN", "RUS", "USA"], result.Vetoes);
        Assert.Equal(["GBR", "VNM"], result.Absent);
        Assert.Equal((9, 3, 1), (result.Yes, result.No, result.Abstain));
    }

    [Fact]
    public void A_recused_member_is_neither_counted_nor_absent()
    {
        var result = Decide(DecisionRuleKind.Council, MatterKind.Substantive, NineElected, "CHN", "", "VNM CHN");

        Assert.DoesNotContain("VNM", result.Absent);
        Assert.DoesNotContain("CHN", result.Absent);
        Assert.Equal(["FRA", "RUS", "GBR", "USA"], result.Absent); // by name: Russian Federation before United Kingdom
        Assert.Equal(0, result.No); // CHN's "no" is not taken, so it is neither counted nor a veto
        Assert.True(result.Adopted);
    }

    [Fact]
    public void Thresholds_come_from_the_council_definition()
    {
        var strict = Council with { ProceduralThreshold = 10, SubstantiveThreshold = 11 };

        var procedural = DecisionRules.Decide(DecisionRuleKind.Council, MatterKind.Procedural, strict, AllMembers(), Votes(NineElected + " VNM", "", ""));
        var substantive = DecisionRules.Decide(DecisionRuleKind.Council, MatterKind.Substantive, strict, AllMembers(), Votes(NineElected + " VNM", "", ""));

        Assert.True(procedural.Adopted);
        Assert.Equal("10 affirmative votes, 11 required", substantive.Reason);
    }

    [Theory]
    // Majority of those voting: abstentions are not votes.
    [InlineData(DecisionRuleKind.Majority, "BEL DOM", "EST", "CHN FRA GBR RUS USA", true, "adopted: 2 in favour, 1 against (a majority of those voting); 5 abstentions, 7 absent")]
    [InlineData(DecisionRuleKind.Majority, "BEL DOM", "EST CHN", "", false, "2 in favour, 2 against: a majority of those voting is required")]
    [InlineData(DecisionRuleKind.Majority, "", "", "BEL", false, "0 in favour, 0 against: a majority of those voting is required")]
    // Two-thirds of those present and voting: abstentions do not count.
    [InlineData(DecisionRuleKind.TwoThirds, "BEL DOM", "EST", "CHN FRA GBR RUS USA DEU IDN", true, "adopted: 2 in favour, 1 against (two thirds of those present and voting: 2 of 3); 7 abstentions, 5 absent")]
    [InlineData(DecisionRuleKind.TwoThirds, "BEL DOM EST DEU IDN NER", "CHN FRA GBR RUS", "USA VCT ZAF", false, "6 in favour, 4 against: two thirds of those present and voting (7 of 10) required")]
    [InlineData(DecisionRuleKind.TwoThirds, "BEL DOM EST DEU IDN NER CHN", "FRA GBR RUS", "", true, "adopted: 7 in favour, 3 against (two thirds of those present and voting: 7 of 10); 0 abstentions, 5 absent")]
    [InlineData(DecisionRuleKind.TwoThirds, "", "", "BEL DOM", false, "nobody voted in favour or against: two thirds of those present and voting is required")]
    // Consensus: nobody objects, and someone is in favour.
    [InlineData(DecisionRuleKind.Consensus, "BEL DOM EST", "", "CHN", true, "adopted: 3 in favour, no objection (consensus); 1 abstention, 11 absent")]
    [InlineData(DecisionRuleKind.Consensus, NineElected + " CHN FRA GBR USA VNM", "RUS", "", false, "no consensus: objection from Russian Federation")]
    [InlineData(DecisionRuleKind.Consensus, "BEL", "USA EST", "", false, "no consensus: objections from Estonia, United States")]
    [InlineData(DecisionRuleKind.Consensus, "", "", "BEL DOM", false, "no consensus: no delegation voted in favour")]
    public void Other_rules_count_only_those_voting(
        DecisionRuleKind rule, string yes, string no, string abstain, bool adopted, string reason)
    {
        var result = Decide(rule, MatterKind.Substantive, yes, no, abstain, "");

        Assert.Equal((adopted, reason), (result.Adopted, result.Reason));
        Assert.Empty(result.Vetoes);
    }

    [Theory]
    // Consensus sought first (the African Union's Peace and Security Council): nobody against and someone in favour.
    [InlineData(MatterKind.Substantive, "BEL DOM EST", "", "CHN", true, "adopted: 3 in favour, no objection (consensus); 1 abstention, 11 absent")]
    // Failing consensus, substance needs two thirds of those present and voting (abstentions are not votes).
    [InlineData(MatterKind.Substantive, "BEL DOM EST DEU IDN NER CHN", "FRA GBR RUS", "USA", true, "adopted: no consensus (objections from France, Russian Federation, United Kingdom), then 7 in favour, 3 against (two thirds of those present and voting: 7 of 10); 1 abstention, 4 absent")]
    [InlineData(MatterKind.Substantive, "BEL DOM EST DEU IDN NER", "CHN FRA GBR RUS", "", false, "no consensus (objections from China, France, Russian Federation, United Kingdom), then 6 in favour, 4 against: two thirds of those present and voting (7 of 10) required")]
    [InlineData(MatterKind.Substantive, "", "", "BEL DOM", false, "no consensus (no delegation voted in favour), then nobody voted in favour or against: two thirds of those present and voting is required")]
    // ... and procedure a majority of those voting.
    [InlineData(MatterKind.Procedural, "BEL DOM EST DEU IDN NER", "CHN FRA GBR RUS", "", true, "adopted: no consensus (objections from China, France, Russian Federation, United Kingdom), then 6 in favour, 4 against (a majority of those voting); 0 abstentions, 5 absent")]
    [InlineData(MatterKind.Procedural, "BEL", "USA", "", false, "no consensus (objection from United States), then 1 in favour, 1 against: a majority of those voting is required")]
    public void Consensus_first_then_two_thirds_on_substance_and_a_majority_on_procedure(
        MatterKind matter, string yes, string no, string abstain, bool adopted, string reason)
    {
        var result = Decide(DecisionRuleKind.ConsensusFirst, matter, yes, no, abstain, "");

        Assert.Equal((adopted, reason), (result.Adopted, result.Reason));
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void The_default_rule_is_the_councils()
    {
        var majorityCouncil = Council with { DefaultRule = DecisionRuleKind.Majority };

        var result = DecisionRules.Decide(MatterKind.Substantive, majorityCouncil, AllMembers(), Votes("BEL", "", ""));

        Assert.True(result.Adopted);
    }

    private static DecisionResult Decide(
        DecisionRuleKind rule, MatterKind matter, string yes, string no, string abstain, string recused)
    {
        var voting = AllMembers();
        voting.ExceptWith(Codes(recused));
        return DecisionRules.Decide(rule, matter, Council, voting, Votes(yes, no, abstain));
    }

    private static HashSet<string> AllMembers() => Council.Members.Select(m => m.Code).ToHashSet();

    private static Dictionary<string, VoteChoice> Votes(string yes, string no, string abstain) =>
        Codes(yes).Select(c => (c, VoteChoice.Yes))
            .Concat(Codes(no).Select(c => (c, VoteChoice.No)))
            .Concat(Codes(abstain).Select(c => (c, VoteChoice.Abstain)))
            .ToDictionary(p => p.c, p => p.Item2);

    private static string[] Codes(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
