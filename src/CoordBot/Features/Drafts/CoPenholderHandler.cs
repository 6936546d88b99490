using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/copenholder D&lt;n&gt; &lt;CODE&gt;</c>: the lead penholder names a co-penholder, who then reads the draft and revises,
/// accepts and rejects like the penholder (<see cref="Permissions.MayNameCoPenholder"/>).
/// </summary>
internal sealed class CoPenholderHandler(DraftDesk desk) : PenholderCommand<string>(desk)
{
    public override CommandInfo Info { get; } = Declare("copenholder", "/copenholder D<n> <CODE>", "Penholder: name a co-penholder of a draft", "/copenholder D3 FRA");

    protected override DraftAction? Action => DraftAction.Circulate;

    protected override string ParseArguments(ArgReader args) => args.Code();

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string code, CancellationToken cancellationToken)
    {
        if (!Desk.Council.Council.IsMember(code))
        {
            context.Reply(context.Text("Drafts.Circulate.NotMemberOne", Html.Escape(code), Html.Escape(Info.Usage)));
            return;
        }

        var verdict = Permissions.MayNameCoPenholder(context.Actor, draft.PenholderCode, code, draft.PenholderCodes);
        if (verdict.IsRefused)
        {
            context.Reply(DraftsText.Sentence(context.Update.Language, verdict.Reason!));
            return;
        }

        draft.CoPenholders = string.Join(',', [.. draft.CoPenholderCodes, code]);
        // A sponsor that becomes a co-penholder is listed once, as co-penholder.
        draft.Sponsors = string.Join(',', draft.SponsorCodes.Where(c => c != code));
        context.Update.Audit("draft.copenholder", $"{draft.Label} {code} by {context.Actor.UserId} ({context.Actor.DelegationCode})");
        context.Reply(context.Text("Drafting.CoPenholder.Done", Desk.Delegation(context.Update.Language, code), draft.Label));
        await Desk.SendAsync(context.Update.Db, context.Update.Outbox, [code], draft,
            language => Catalogue.Format(language, "Drafting.CoPenholder.Notice", Desk.Delegation(language, draft.PenholderCode), draft.Label, Html.Escape(draft.Title)),
            cancellationToken);
    }
}
