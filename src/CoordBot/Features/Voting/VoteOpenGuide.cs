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
            Choices = (_, _) => Task.FromResult<IReadOnlyList<GuideChoice>>([new("substantive", "substantive"), new("procedural", "procedural")]),
        },
        DraftGuideSteps.Hours("How long is voting open? Tap one, or write a number of hours followed by h (for example 36h).", [12, 24, 48, 72], max: 168, suffix: "h"),
    ];
}
