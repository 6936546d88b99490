using CoordBot.Domain.Drafts;

namespace CoordBot.Domain.Tests.Drafts;

public sealed class AmendmentApplicationTests
{
    private const string Typed = "One.\nTwo.\nThree.";
    private const string Spaced = "One.\n\nTwo.\n\nThree.";

    private static ProposedAmendment Replace(string label, int paragraph, string text) => new(label, paragraph, InsertsAfter: false, text);

    private static ProposedAmendment After(string label, int paragraph, string text) => new(label, paragraph, InsertsAfter: true, text);

    public static TheoryData<string, ProposedAmendment[], string, string[]> Applied => new()
    {
        { Typed, [Replace("M1", 2, "Two, amended.")], "One.\nTwo, amended.\nThree.", ["M1"] },
        { Spaced, [Replace("M1", 2, "Two, amended.")], "One.\n\nTwo, amended.\n\nThree.", ["M1"] },
        { Typed, [After("M1", 1, "One and a half.")], "One.\nOne and a half.\nTwo.\nThree.", ["M1"] },
        { Spaced, [After("M1", 3, "Four.")], "One.\n\nTwo.\n\nThree.\n\nFour.", ["M1"] },
        { Spaced, [After("M1", 0, "Zero.")], "Zero.\n\nOne.\n\nTwo.\n\nThree.", ["M1"] },
        { Typed, [Replace("M1", 1, "Uno."), Replace("M3", 3, "Tres.")], "Uno.\nTwo.\nTres.", ["M1", "M3"] },
        { Typed, [Replace("M1", 2, "Dos."), After("M2", 2, "Two bis.")], "One.\nDos.\nTwo bis.\nThree.", ["M1", "M2"] },
        { Typed, [After("M1", 1, "A."), After("M2", 1, "B.")], "One.\nA.\nB.\nTwo.\nThree.", ["M1", "M2"] },
        { Spaced, [Replace("M1", 1, "Line one.\nLine two.")], "Line one.\n\nLine two.\n\nTwo.\n\nThree.", ["M1"] },
    };

    [Theory]
    [MemberData(nameof(Applied))]
    public void Accepted_amendments_replace_or_insert_paragraphs_and_keep_the_rest_as_written(string text, ProposedAmendment[] amendments, string expected, string[] carried)
    {
        var result = AmendmentApplication.Apply(text, amendments);

        Assert.Equal(expected, result.Text);
        Assert.Equal(carried, result.Applied);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Two_amendments_replacing_the_same_paragraph_wait_for_the_penholders_choice_and_the_others_go_in()
    {
        var result = AmendmentApplication.Apply(Typed, [Replace("M1", 2, "Deux."), Replace("M2", 3, "Trois."), Replace("M3", 2, "Zwei.")]);

        Assert.Equal("One.\nTwo.\nTrois.", result.Text);
        Assert.Equal(["M2"], result.Applied);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(2, conflict.Paragraph);
        Assert.Equal(["M1", "M3"], conflict.Amendments.Select(a => a.Label));
        Assert.False(result.IsComplete);

        var chosen = AmendmentApplication.Apply(Typed, [Replace("M2", 3, "Trois."), Replace("M3", 2, "Zwei.")]);
        Assert.Equal("One.\nZwei.\nTrois.", chosen.Text);
        Assert.True(chosen.IsComplete);
    }

    public static TheoryData<ProposedAmendment, UnplacedReason> Unplaceable => new()
    {
        { new ProposedAmendment("M1", null, false, "Somewhere."), UnplacedReason.NoParagraph },
        { Replace("M1", 4, "Four."), UnplacedReason.BeyondText },
        { Replace("M1", 0, "Zero."), UnplacedReason.BeyondText },
        { After("M1", 5, "Six."), UnplacedReason.BeyondText },
    };

    [Theory]
    [MemberData(nameof(Unplaceable))]
    public void An_amendment_that_names_no_paragraph_of_the_text_is_left_out_with_its_reason(ProposedAmendment amendment, UnplacedReason reason)
    {
        var result = AmendmentApplication.Apply(Typed, [amendment]);

        Assert.Equal(Typed, result.Text);
        Assert.Empty(result.Applied);
        Assert.Equal(new UnplacedAmendment("M1", reason), Assert.Single(result.Unplaced));
    }
}
