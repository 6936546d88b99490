using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Sessions;

/// <summary>/reschedule sent bare: which session (of those the asker may move), then the new day and time.</summary>
internal sealed class RescheduleGuide : Guide
{
    public override string Command => "reschedule";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        SessionGuideSteps.Session("Sessions.Guide.MoveQuestion") with { WhenNone = "Guidance.NoSessionToMove" },
        SessionGuideSteps.Day(),
        SessionGuideSteps.Time(),
    ];

    public override string? Explain(GuideScope scope) => SessionGuideSteps.Starts(scope, scope.Answers[1], scope.Answers[2]);
}
