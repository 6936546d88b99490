using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Voting;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using Microsoft.Extensions.Options;

namespace CoordBot.Tests.Localization;

/// <summary>The Voting renderer in the six languages: the Arabic result keeps ids, numbers and names in order, and every language words the grounds.</summary>
public sealed class VotingLanguagesTests
{
    private const char Rlm = Bidi.RightToLeftMark;
    private const char Fsi = Bidi.FirstStrongIsolate;
    private const char Pdi = Bidi.PopDirectionalIsolate;

    private static readonly VotingText Text = new(new CouncilProvider(Options.Create(new CouncilOptions())));

    private static readonly IReadOnlyList<string> Members = CouncilPresets.SecurityCouncil2020.Members.Select(m => m.Code).ToList();

    private static Vote VetoedVote() => new()
    {
        Id = 1,
        DraftId = 3,
        Version = 4,
        Title = "Cyber <security>",
        Text = "The Council condemns ...",
        TextHash = "1a2b3c4d5e6f",
        Matter = MatterKind.Substantive,
        Rule = DecisionRuleKind.Council,
        VotingCodes = string.Join(',', Members),
    };

    /// <summary>Fourteen in favour, China against: vetoed.</summary>
    private static VoteCount Vetoed(Vote vote)
    {
        var ballots = Members.Select(c => new Ballot { VoteId = 1, DelegationCode = c, Choice = c == "CHN" ? VoteChoice.No : VoteChoice.Yes, CastBy = 1 }).ToList();
        var council = CouncilProvider.Load(new CouncilOptions());
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, council, vote.Voting.ToHashSet(), ballots.ToDictionary(b => b.DelegationCode, b => b.Choice));
        return new VoteCount(ballots, result);
    }

    [Fact]
    public void The_Arabic_result_marks_every_line_right_to_left_and_isolates_ids_numbers_and_names()
    {
        var vote = VetoedVote();
        var lines = Text.Result("ar", vote, Vetoed(vote)).Split('\n');

        Assert.All(lines, line => Assert.Equal(Rlm, line[0]));
        Assert.Equal($"{Rlm}<b>نتيجة التصويت على {Fsi}D3 v4{Pdi}</b> «{Fsi}Cyber &lt;security&gt;{Pdi}» (البصمة {Fsi}1a2b3c4d{Pdi})، مسألة موضوعية", lines[0]);
        Assert.Equal($"{Rlm}<b>لم يُعتمد</b>: {Fsi}استُخدم حق النقض من جانب {Fsi}الصين{Pdi}{Pdi}", lines[1]);
        Assert.StartsWith($"{Rlm}المؤيدون ({Fsi}14{Pdi}): {Fsi}", lines[2], StringComparison.Ordinal);
        Assert.Equal($"{Rlm}المعارضون ({Fsi}1{Pdi}): {Fsi}الصين{Pdi}", lines[3]);
        Assert.Equal($"{Rlm}الممتنعون ({Fsi}0{Pdi}): {Fsi}لا أحد{Pdi}", lines[4]);
        // Every isolate is closed: an open one would swallow the rest of the line's order.
        Assert.All(lines, line => Assert.Equal(line.Count(c => c == Fsi), line.Count(c => c == Pdi)));
    }

    [Fact]
    public void English_keeps_the_domains_words_and_the_others_word_the_same_facts()
    {
        var vote = VetoedVote();
        var count = Vetoed(vote);
        Assert.Equal(
            "<b>Result of the vote on D3 v4</b> «Cyber &lt;security&gt;» (hash 1a2b3c4d), substantive matter\n<b>NOT ADOPTED</b>: vetoed by China\nIn favour (14): Belgium, Dominican Republic, Estonia, France, Germany, Indonesia, Niger, Russian Federation, Saint Vincent and the Grenadines, South Africa, Tunisia, United Kingdom, United States, Viet Nam\nAgainst (1): China\nAbstaining (0): none\nAbsent (did not vote) (0): none",
            Text.Result("en", vote, count));
        Assert.Equal("veto opposé par Chine", Text.Grounds("fr", vote, count));
        Assert.Equal("vetado por China", Text.Grounds("es", vote, count));
        Assert.Equal("вето: Китай", Text.Grounds("ru", vote, count));
        Assert.Equal("中国投了否决票", Text.Grounds("zh", vote, count));
    }

    [Theory]
    [InlineData("en", "8 affirmative votes, 9 required")]
    [InlineData("fr", "8 voix pour, 9 requises")]
    [InlineData("ru", "8 голосов «за», требуется 9")]
    [InlineData("zh", "8票赞成，需要9票")]
    public void A_draft_short_of_the_votes_says_how_many_it_had_in_the_plural_of_each_language(string language, string expected)
    {
        var codes = Members;
        var vote = VetoedVote();
        var ballots = codes.Take(8).Select(c => new Ballot { VoteId = 1, DelegationCode = c, Choice = VoteChoice.Yes, CastBy = 1 }).ToList();
        var result = DecisionRules.Decide(vote.Rule, vote.Matter, CouncilProvider.Load(new CouncilOptions()), codes.ToHashSet(), ballots.ToDictionary(b => b.DelegationCode, b => b.Choice));
        Assert.False(result.Adopted);
        Assert.Equal(expected, Text.Grounds(language, vote, new VoteCount(ballots, result)));
    }
}
