using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Guides;
using static CoordBot.Features.Drafts.DraftGuideWords;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The questions of the draft guides, from the catalogue (<c>Drafts.Guide.*</c>, in the six languages). A step is
/// declared once for every reader, so it carries the key, and the guide runner words it in the reader's language
/// (<see cref="GuideRunner.Words"/>). A key missing from the catalogue fails when the guide is first built.
/// </summary>
internal static class DraftGuideWords
{
    public static string Q(string key)
    {
        _ = Catalogue.Text(Languages.English, key); // throws for a key the catalogue lacks
        return key;
    }
}

/// <summary>/draft_new sent bare: the title, then the text (a reply; a long text may also come as a .txt document with the typed form).</summary>
internal sealed class DraftNewGuide : Guide
{
    public override string Command => "draft_new";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        new("Guide.Step.Title", Q("Drafts.Guide.TitleQuestion")),
        new("Guide.Step.Text", Q("Drafts.Guide.TextQuestion")) { IsBody = true },
    ];
}

/// <summary>/comment sent bare: a draft the delegation reads and may comment on now, then the comment.</summary>
internal sealed class CommentGuide : Guide
{
    public override string Command => "comment";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Drafts.Guide.CommentDraft"), DraftAction.Comment) with { WhenNone = Q("Guidance.NoDraftForComment") },
        new("Guide.Step.Comment", Q("Drafts.Guide.CommentText")) { IsRest = true },
    ];
}

/// <summary>/amend sent bare: a draft the delegation reads and may amend now, then the proposed text.</summary>
internal sealed class AmendGuide : Guide
{
    public override string Command => "amend";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Drafts.Guide.AmendDraft"), DraftAction.Amend) with { WhenNone = Q("Guidance.NoDraftForAmendment") },
        new("Guide.Step.ProposedText", Q("Drafts.Guide.AmendText")) { IsRest = true },
    ];
}

/// <summary>
/// /silence sent bare: a draft that may go under silence now (the chair sees every one), then how long: in a body under the
/// no-objection procedure (a committee) in working days as well as hours.
/// </summary>
internal sealed class SilenceGuide(CouncilProvider council) : Guide
{
    public override string Command => "silence";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Drafts.Guide.SilenceDraft"), DraftAction.StartSilence, chairSeesAll: true) with { WhenNone = Q("Guidance.NoDraftForSilence") },
        DraftGuideSteps.SilenceLength(
            Q("Deadlines.Guide.SilenceWhen"), Q("Bodies2.Guide.SilenceWhenWorkingDays"), [2, 6, 12, 24, 48, 72, 96], max: SilenceHandler.MaxHours,
            // The body the guide runs in (the draft's: a guide's answers act in the body it started in).
            inWorkingDays: () => council.Council.WrittenProcedure == WrittenProcedure.NoObjection),
    ];
}

/// <summary>
/// /breaksilence from its button under a draft (or sent bare): the draft, then the reason, which breaks silence at once,
/// exactly as <c>/breaksilence D&lt;n&gt; &lt;reason&gt;</c> typed: the reason is the act, so no summary asks to confirm it.
/// </summary>
internal sealed class BreakSilenceGuide : Guide
{
    public override string Command => "breaksilence";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Guidance.BreakSilenceDraft"), DraftAction.BreakSilence) with { WhenNone = Q("Guidance.NoDraftUnderSilence") },
        new("Guide.Step.Reason", Q("Guidance.BreakSilenceReason")) { IsRest = true, QuestionArgument = scope => scope.Answers[0] },
    ];

    public override bool RunsOnLastAnswer => true;
}

/// <summary>
/// The Hold button under a decision (<c>hold D&lt;n&gt;</c>): asks why, and the answer places the hold at once, exactly as
/// <c>/hold D&lt;n&gt; &lt;reason&gt;</c> typed, the reason told to the committee; "No reason" places it without one, as a bare
/// <c>/hold D&lt;n&gt;</c>. The bare <c>/hold</c> answers with its usage line, as it always did.
/// </summary>
internal sealed class HoldGuide : Guide
{
    public override string Command => "hold";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Walk8.Hold.Draft"), DraftAction.HoldSilence) with { WhenNone = Q("Walk8.Hold.None") },
        new("Guide.Step.Reason", Q("Walk8.Hold.Reason"))
        {
            IsRest = true,
            QuestionArgument = scope => scope.Answers[0],
            // An empty answer puts nothing after the id: the command line is /hold D<n>, a hold without a reason.
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>([new GuideChoice(Catalogue.Text(scope.Update.Language, Q("Walk8.Hold.NoReason")), string.Empty)]),
            ChoicesPerRow = 1,
        },
    ];

    public override bool StartsWhenBare => false;

    public override bool RunsOnLastAnswer => true;
}
