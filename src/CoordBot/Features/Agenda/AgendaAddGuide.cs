using CoordBot.Features.Sessions;
using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Agenda;

/// <summary>/agenda_add sent bare: which session (of those the asker runs), then the item's title.</summary>
internal sealed class AgendaAddGuide : Guide
{
    public override string Command => "agenda_add";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        // The chair schedules a session first; anyone else can only ask the chair for one.
        SessionGuideSteps.Session("Agenda.Guide.SessionQuestion") with
        {
            WhenNone = "Guidance.NoUpcomingSession",
            WhenNoneFor = actor => actor.IsChair ? null : "Flow.NoSessionAskChair",
        },
        new("Sessions.Guide.TitleLabel", "Agenda.Guide.TitleQuestion"),
    ];
}
