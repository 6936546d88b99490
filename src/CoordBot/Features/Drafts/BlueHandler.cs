using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary><c>/blue D&lt;n&gt;</c>: the penholder puts the current version in blue: its text is locked and it can be put to a vote.</summary>
internal sealed class BlueHandler(DraftDesk desk) : DraftCommand(desk)
{
    public override CommandInfo Info { get; } = new("blue", "/blue D<n>", "Penholder: put a draft in blue (final text, locked for the vote)")
    {
        Rule = Rules.Of(Permissions.MayHoldPens),
        Where = ChatScope.CouncilChat,
        Example = "/blue D3 (draft numbers are listed by /drafts)",
    };

    protected override DraftReach Reach => DraftReach.Penholder;

    protected override DraftAction? Action => DraftAction.PutInBlue;

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        draft.Status = DraftStateMachine.Next(draft.Status, DraftAction.PutInBlue).Value;
        draft.BlueVersionId = version.Id;
        context.Update.Audit("draft.blue", $"{draft.Label} v{version.Number} {version.Hash} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Blue.Done", draft.Label, version.Number, version.ShortHash));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Blue.Notice", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash),
            cancellationToken);
    }
}
