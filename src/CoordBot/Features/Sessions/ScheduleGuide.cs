using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Sessions;

/// <summary>/schedule sent bare: day, time (in the chair's zone), format and title; only the title is typed.</summary>
internal sealed class ScheduleGuide : Guide
{
    public override string Command => "schedule";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        SessionGuideSteps.Day(),
        SessionGuideSteps.Time(),
        SessionGuideSteps.Format(),
        new("Sessions.Guide.TitleLabel", "Sessions.Guide.TitleQuestion"),
    ];

    public override string? Explain(GuideScope scope) => SessionGuideSteps.Starts(scope, scope.Answers[0], scope.Answers[1]);
}
