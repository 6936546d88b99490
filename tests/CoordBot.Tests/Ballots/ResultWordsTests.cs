using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Ballots;

/// <summary>Issue 24.4: results state the rule they were decided by, and ballots name the rule in a diplomat's words, never the configuration's code.</summary>
public sealed class ResultWordsTests
{
    private static readonly VotingText Text = new(new CouncilProvider(Options.Create(new CouncilOptions())));
    private static readonly CouncilDefinition Council = CouncilProvider.Load(new CouncilOptions());
    private static readonly IReadOnlyList<string> Members = Council.Members.Select(m => m.Code).ToList();

    public static TheoryData<string> AllLanguages => new(Languages.All);

    private static Vote Vote(MatterKind matter = MatterKind.Substantive, DecisionRuleKind rule = DecisionRuleKind.Council) => new()
    {
        Id = 1,
        DraftId = 1,
        Version = 2,
        Title = "Cyber security",
        Text = "The Council condemns ...",
        TextHash = "1a2b3c4d5e6f",
        Matter = matter,
        Rule = rule,
        VotingCodes = string.Join(',', Members),
    };

    /// <summary>The named delegations vote in favour, those against and abstaining as given, the rest are absent.</summary>
    private static VoteCount Count(Vote vote, IEnumerable<string> yes, IEnumerable<string> no, IEnumerable<string> abstain)
    {
        var ballots = yes.Select(c => (c, VoteChoice.Yes)).Concat(no.Select(c => (c, VoteChoice.No))).Concat(abstain.Select(c => (c, VoteChoice.Abstain)))
            .Select(v => new Ballot { VoteId = 1, DelegationCode = v.c, Choice = v.Item2, CastBy = 1 }).ToList();
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, Council, vote.Voting.ToHashSet(), ballots.ToDictionary(b => b.DelegationCode, b => b.Choice));
        return new VoteCount(ballots, result);
    }

    private static readonly string[] Permanent = ["CHN", "FRA", "GBR", "RUS", "USA"];

    private static IEnumerable<string> Elected => Members.Where(c => !Permanent.Contains(c));

    [Fact]
    public void An_adopted_result_states_the_votes_against_the_rule_and_keeps_the_counts()
    {
        var vote = Vote();
        var result = Text.Result("en", vote, Count(vote, Elected.Take(8).Concat(Permanent), [], Elected.Skip(8))).Split('\n');
        Assert.Equal("<b>ADOPTED</b>: 13 in favour (9 required), no permanent member against; 0 against, 2 abstentions", result[1]);
    }

    [Fact]
    public void A_result_short_of_votes_says_how_many_were_required()
    {
        var vote = Vote();
        var result = Text.Result("en", vote, Count(vote, Elected.Take(8), ["USA"], Elected.Skip(8))).Split('\n');
        Assert.Equal("<b>NOT ADOPTED</b>: 8 affirmative votes, 9 required", result[1]);
    }

    [Fact]
    public void A_procedural_result_states_its_threshold_without_the_veto()
    {
        var vote = Vote(MatterKind.Procedural);
        var result = Text.Result("en", vote, Count(vote, Elected.Take(9), ["CHN", "RUS"], ["FRA"])).Split('\n');
        Assert.Equal("<b>ADOPTED</b>: 9 in favour (9 required); 2 against, 1 abstention, 3 absent", result[1]);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Ballots_name_the_rule_in_words_never_the_configuration_code(string language)
    {
        foreach (var rule in Enum.GetValues<DecisionRuleKind>())
        {
            foreach (var matter in Enum.GetValues<MatterKind>())
            {
                var heading = Text.OpeningHeading(language, Vote(matter, rule));
                // The words of the other rules ("a majority", "consensus") are a diplomat's too; the code "council" and "rule: " never are.
                Assert.DoesNotContain("rule: ", heading, StringComparison.Ordinal);
                Assert.DoesNotContain("council", heading, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("two-thirds", heading, StringComparison.Ordinal);
            }
        }

        Assert.NotEqual(Text.OpeningHeading(language, Vote(MatterKind.Substantive)), Text.OpeningHeading(language, Vote(MatterKind.Procedural)));
    }

    [Fact]
    public void The_english_ballot_says_what_the_charter_says()
    {
        Assert.Equal(
            "D1 v2 «Cyber security» (hash 1a2b3c4d), substantive matter: nine votes including the concurring votes of the permanent members",
            Text.OpeningHeading("en", Vote()));
        Assert.EndsWith(", procedural matter: nine affirmative votes", Text.OpeningHeading("en", Vote(MatterKind.Procedural)), StringComparison.Ordinal);
        Assert.EndsWith(", substantive matter: two thirds of those present and voting", Text.OpeningHeading("en", Vote(rule: DecisionRuleKind.TwoThirds)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "13 pour (9 requises), aucun membre permanent contre ; 0 contre, 2 abstentions", "neuf voix")]
    [InlineData("es", "13 a favor (9 necesarios), ningún miembro permanente en contra; 0 en contra, 2 abstenciones", "nueve votos afirmativos")]
    [InlineData("ru", "13 «за» (требуется 9), ни один постоянный член не голосовал против; 0 «против», 2 воздержавшихся", "девять голосов")]
    [InlineData("zh", "13票赞成（需要9票），无常任理事国反对；0票反对，2票弃权", "九票赞成")]
    public void Other_languages_word_the_same_rule_and_facts(string language, string grounds, string rule)
    {
        var vote = Vote();
        Assert.Equal(grounds, Text.Grounds(language, vote, Count(vote, Elected.Take(8).Concat(Permanent), [], Elected.Skip(8))));
        Assert.Contains(rule, Text.OpeningHeading(language, vote), StringComparison.Ordinal);
    }
}
