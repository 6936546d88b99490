using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Drafts;

/// <summary>/draft_new sent bare: the title, then the text (a reply; a long text may also come as a .txt document with the typed form).</summary>
internal sealed class DraftNewGuide : Guide
{
    public override string Command => "draft_new";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        new("Title", "What is the draft's title? Write it (for example: Draft resolution on cyber security)."),
        new("Text", "Now send the text of the draft (paragraphs separated by blank lines).") { IsBody = true },
    ];
}

/// <summary>/comment sent bare: a draft the delegation reads and may comment on now, then the comment.</summary>
internal sealed class CommentGuide : Guide
{
    public override string Command => "comment";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft("Which draft do you comment on?", DraftAction.Comment),
        new("Comment", "Write your comment (start it with §2 to comment on paragraph 2).") { IsRest = true },
    ];
}

/// <summary>/amend sent bare: a draft the delegation reads and may amend now, then the proposed text.</summary>
internal sealed class AmendGuide : Guide
{
    public override string Command => "amend";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft("Which draft do you propose to amend?", DraftAction.Amend),
        new("Proposed text", "Write the proposed text (start it with §2 to amend paragraph 2).") { IsRest = true },
    ];
}

/// <summary>/silence sent bare: a draft that may go under silence now (the chair sees every one), then how long.</summary>
internal sealed class SilenceGuide : Guide
{
    public override string Command => "silence";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft("Which draft goes under silence?", DraftAction.StartSilence, chairSeesAll: true),
        DraftGuideSteps.Hours("How long does the silence last? Tap one, or write a number of hours (1 to 720).", [24, 48, 72, 96], max: 720),
    ];
}
