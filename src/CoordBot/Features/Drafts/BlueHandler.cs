using System.Text;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/blue D&lt;n&gt;</c>: the penholder puts the current version in blue: its text is locked and it can be put to a vote.
/// The typed command is explicit and acts at once; the "Put in blue" button (<c>/blue D&lt;n&gt; check</c>) asks first,
/// showing any objection not answered by a new version and amendments still undecided, and its confirmation
/// (<c>/blue D&lt;n&gt; v&lt;k&gt;</c>) acts only while the text is still the version it asked about.
/// </summary>
internal sealed class BlueHandler(DraftDesk desk) : PenholderCommand<string?>(desk)
{
    /// <summary>The word of the button that asks before acting.</summary>
    public const string Check = "check";

    private static readonly CommandInfo InCouncil = Declare("blue", "/blue D<n>", "Penholder: put a draft in blue (final text, locked for the vote)", "/blue D3 (draft numbers are listed by /drafts)");

    // A committee deciding by no-objection puts nothing in blue: /help and the menus there do not offer /blue (typed, the procedure refuses it with its reason).
    private static readonly CommandInfo InCommittee = InCouncil with { UsedInBody = false };

    /// <summary>The declaration in the body in scope (the one the update acts in; the first body outside any).</summary>
    public override CommandInfo Info => Desk.Council.Council.WrittenProcedure == WrittenProcedure.NoObjection ? InCommittee : InCouncil;

    protected override DraftAction? Action => DraftAction.PutInBlue;

    protected override string? ParseArguments(ArgReader args) => args.OptionalText();

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string? word, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        if (string.Equals(word, Check, StringComparison.OrdinalIgnoreCase))
        {
            await AskAsync(context, draft, version, cancellationToken);
            return;
        }

        if (word is not null)
        {
            if (!DraftRefs.TryParseVersion(word, out var asked))
            {
                context.Reply(context.Text("Drafting.Blue.Usage", draft.Label));
                return;
            }

            if (asked != version.Number)
            {
                context.Reply(context.Text("Drafting.Blue.Changed", draft.Label, asked, version.Number));
                await AskAsync(context, draft, version, cancellationToken);
                return;
            }
        }

        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.PutInBlue).Value;
        draft.BlueVersionId = version.Id;
        context.Update.Audit("draft.blue", $"{draft.Label} v{version.Number} {version.Hash} by {context.Actor.UserId}");
        context.Reply(context.Text("Drafts.Blue.Done", draft.Label, version.Number, version.ShortHash));
        // The vote is the chair's next step: the presiding delegation's copy offers it (DraftButtons.ForDelegation).
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafts.Blue.Notice", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash),
            cancellationToken);
    }

    private async Task AskAsync(CommandContext context, Draft draft, DraftVersion version, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        // Unanswered: raised against the text as it still is (no new version since).
        var objections = await db.DraftObjections.AsNoTracking()
            .Where(o => o.DraftId == draft.Id && o.VersionNumber == version.Number)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var undecided = await db.DraftAmendments.CountAsync(m => m.DraftId == draft.Id && m.VersionNumber == version.Number && m.Status == AmendmentStatus.Pending, cancellationToken);
        var language = context.Update.Language;
        var zone = DraftDesk.ZoneFor(context);
        var text = new StringBuilder(context.Text("Drafting.Blue.Ask", draft.Label, version.Number, Html.Escape(draft.Title), version.ShortHash));
        if (objections.Count > 0)
        {
            text.Append("\n\n").Append(context.Text("Drafting.Blue.Objections", objections.Count, version.Number));
            foreach (var objection in objections)
            {
                text.Append('\n').Append(Bidi.Lines(language, $"• {Desk.Delegation(language, objection.DelegationCode)}, {Html.Escape(objection.AuthorName)}, {Dates.InZone(language, objection.CreatedAt, zone)}: {Html.Escape(objection.Reason)}"));
            }
        }

        if (undecided > 0)
        {
            text.Append("\n\n").Append(context.Text("Drafting.Blue.Undecided", undecided, draft.Label));
        }

        if (objections.Count == 0 && undecided == 0)
        {
            text.Append("\n\n").Append(context.Text("Drafting.Blue.NothingOpen"));
        }

        context.Update.Reply(text.ToString(), [
            [CommandButton.For(context.Text("Drafting.Button.BlueConfirm", version.Number), $"blue {draft.Label} v{version.Number}")],
            [CommandButton.For(context.Text("Drafting.Button.NotNow"), $"draft {draft.Label}")],
        ]);
    }
}
