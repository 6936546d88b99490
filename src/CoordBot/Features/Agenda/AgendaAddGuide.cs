using CoordBot.Features.Sessions;
using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Agenda;

/// <summary>/agenda_add sent bare: which session (of those the asker runs), then the item's title.</summary>
internal sealed class AgendaAddGuide : Guide
{
    public override string Command => "agenda_add";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        SessionGuideSteps.Session("To which session's agenda?"),
        new("Title", "What is the item's title? Write it (for example: The situation in Syria)."),
    ];
}
