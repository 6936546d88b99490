using CoordBot.Domain.Drafts;
using CoordBot.Features.Drafts;
using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Voting;

/// <summary>/vote_open sent bare (the chair): a draft in blue, procedural or substantive, and how long the vote stays open.</summary>
internal sealed class VoteOpenGuide : Guide
{
    public override string Command => "vote_open";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft("Voting.Guide.DraftQuestion", DraftAction.OpenVote, chairSeesAll: true),
        new("Voting.Guide.MatterLabel", "Voting.Guide.MatterQuestion")
        {
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(
            [new(Localization.CodeWords.Word(scope.Update.Language, "substantive"), "substantive"), new(Localization.CodeWords.Word(scope.Update.Language, "procedural"), "procedural")]),
        },
        DraftGuideSteps.Hours("Deadlines.Guide.VoteWhen", [2, 6, 12, 24, 48, 72], max: 168, suffix: "h"),
    ];
}
