using System.Text;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The penholder's next version with accepted amendments applied (<see cref="AmendmentApplication"/>): offered as a
/// word diff with one button to make it, or made when that button (a typed <c>/apply D&lt;n&gt; v&lt;k&gt; M..</c>) comes
/// back while the draft is still at the version the offer was made on. Amendments that replace the same paragraph are
/// shown one under the other, each with a button to take it.
/// </summary>
public sealed class AmendmentOffers(DraftDesk desk)
{
    /// <summary>
    /// Offers (or, with <paramref name="confirmOn"/> the current version, makes) the next version carrying the accepted
    /// amendments of the current version not yet applied, or those of them named in <paramref name="ids"/>.
    /// </summary>
    public async Task RunAsync(CommandContext context, Draft draft, IReadOnlyCollection<long>? ids, int? confirmOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(draft);
        if (confirmOn is { } on && on != draft.CurrentVersion)
        {
            // The offer was made on an older text: its paragraph numbers no longer hold. Offer afresh.
            context.Reply(context.Text("Drafting.Apply.Stale", draft.Label, on, draft.CurrentVersion));
            (ids, confirmOn) = (null, null);
        }

        var db = context.Update.Db;
        var waiting = await db.DraftAmendments
            .Where(m => m.DraftId == draft.Id && m.Status == AmendmentStatus.Accepted && m.VersionNumber == draft.CurrentVersion && m.AppliedInVersion == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (ids is not null)
        {
            var missing = ids.Where(id => waiting.All(m => m.Id != id)).Distinct().Select(id => $"M{id}").ToList();
            if (missing.Count > 0)
            {
                context.Reply(context.Text("Drafting.Apply.NotWaiting", string.Join(", ", missing), draft.Label, draft.CurrentVersion));
                return;
            }

            waiting = [.. waiting.Where(m => ids.Contains(m.Id))];
        }

        if (waiting.Count == 0)
        {
            context.Reply(context.Text("Drafting.Apply.Nothing", draft.Label, draft.CurrentVersion));
            return;
        }

        var current = await desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        var result = AmendmentApplication.Apply(current.Text, [.. waiting.Select(m => m.Proposed)]);
        if (confirmOn is not null && result.IsComplete && ContentHash.Of(result.Text) != current.Hash)
        {
            await MakeAsync(context, draft, current, waiting, result, cancellationToken);
            return;
        }

        Offer(context, draft, current, waiting, result);
    }

    private async Task MakeAsync(CommandContext context, Draft draft, DraftVersion current, List<DraftAmendment> waiting, AmendedText result, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var actor = context.Actor;
        var version = DraftDesk.NewVersion(draft, current.Number + 1, result.Text, actor, context.Update.NowUtc);
        db.DraftVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        draft.CurrentVersion = version.Number;
        draft.CurrentVersionId = version.Id;
        foreach (var amendment in waiting.Where(m => result.Applied.Contains(m.Label)))
        {
            amendment.AppliedInVersion = version.Number;
        }

        var labels = string.Join(", ", result.Applied);
        // The offer's "Make v.. with M.." has done its work: it goes, and the offer shows what was done (a press, not a typed /apply).
        context.Pressed?.MarkPressed(keepButtons: false);
        context.Update.Audit("draft.revised", $"{draft.Label} v{version.Number} {version.Hash} by {actor.UserId} ({actor.DelegationCode})");
        context.Update.Audit("draft.amendments.applied", $"{labels} in {draft.Label} v{version.Number}");
        context.Update.Reply(context.Text("Drafting.Apply.Done", draft.Label, version.Number, version.ShortHash, labels),
            desk.Buttons.For(draft, actor, context.Update.Language));
        await desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Drafting.Apply.Notice", draft.Label, version.Number, Html.Escape(draft.Title), Html.Escape(version.AuthorName), version.AuthorDelegation, version.ShortHash, labels, current.Number),
            cancellationToken, answered: context.Update.ChatId);
    }

    private void Offer(CommandContext context, Draft draft, DraftVersion current, List<DraftAmendment> waiting, AmendedText result)
    {
        var language = context.Update.Language;
        var next = current.Number + 1;
        var header = new StringBuilder();
        if (result.Applied.Count > 0)
        {
            var runs = WordDiff.Compare(current.Text, result.Text);
            var (removed, added) = WordDiff.CountWords(runs);
            header.Append(context.Text("Drafting.Apply.Offer", draft.Label, next, Html.Escape(draft.Title), string.Join(", ", result.Applied), current.Number, current.ShortHash))
                .Append('\n').Append(context.Text("Drafts.Diff.Legend", removed, added));
            AppendUnplaced(context, draft, result, header);
            var messages = WordDiff.Render(runs, header.ToString());
            for (var i = 0; i < messages.Count - 1; i++)
            {
                context.Reply(messages[i]);
            }

            var confirm = $"apply {draft.Label} v{current.Number} {string.Join(",", result.Applied)}";
            var buttons = result.Conflicts.Count == 0 && Fits(confirm)
                ? new List<IReadOnlyList<Button>> { new[] { CommandButton.For(context.Text("Drafting.Button.MakeVersion", next, string.Join(", ", result.Applied)), confirm) } }
                : null;
            context.Update.Reply(messages[^1] + (result.Conflicts.Count == 0 && buttons is null ? "\n\n" + context.Text("Drafting.Apply.Typed", Html.Escape("/" + confirm)) : string.Empty), buttons);
        }
        else
        {
            header.Append(context.Text("Drafting.Apply.NoneYet", draft.Label, next));
            AppendUnplaced(context, draft, result, header);
            context.Reply(header.ToString());
        }

        var paragraphs = Paragraphs.Split(current.Text);
        foreach (var conflict in result.Conflicts)
        {
            var text = new StringBuilder(context.Text("Drafting.Apply.Conflict", conflict.Paragraph, string.Join(", ", conflict.Amendments.Select(a => a.Label))))
                .Append("\n\n").Append(context.Text("Drafting.Apply.Now", conflict.Paragraph)).Append(' ').Append(Html.Escape(paragraphs[conflict.Paragraph - 1].Text));
            var rows = new List<IReadOnlyList<Button>>();
            foreach (var proposed in conflict.Amendments)
            {
                var amendment = waiting.Single(m => m.Label == proposed.Label);
                text.Append("\n\n<b>").Append(amendment.Label).Append("</b> · ").Append(desk.Delegation(language, amendment.DelegationCode)).Append(": ")
                    .Append(Html.Escape(amendment.Text));
                // Taking one leaves out the others of this paragraph; other conflicts stay for their own choice.
                var others = conflict.Amendments.Where(a => a != proposed).Select(a => a.Label).ToHashSet();
                var set = waiting.Where(m => !others.Contains(m.Label) && result.Unplaced.All(u => u.Label != m.Label)).Select(m => m.Label);
                var take = $"apply {draft.Label} {string.Join(",", set)}";
                if (Fits(take))
                {
                    rows.Add([CommandButton.For(context.Text("Drafting.Button.Take", amendment.Label, conflict.Paragraph), take)]);
                }
            }

            context.Update.Reply(text.ToString(), rows.Count > 0 ? rows : null);
        }
    }

    private static void AppendUnplaced(CommandContext context, Draft draft, AmendedText result, StringBuilder text)
    {
        foreach (var unplaced in result.Unplaced)
        {
            text.Append('\n').Append(context.Text(unplaced.Reason == UnplacedReason.NoParagraph ? "Drafting.Apply.NoParagraph" : "Drafting.Apply.BeyondText", unplaced.Label, draft.Label));
        }
    }

    private static bool Fits(string command) => Encoding.UTF8.GetByteCount(command) <= 62;
}
