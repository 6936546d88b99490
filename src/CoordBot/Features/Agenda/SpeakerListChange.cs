using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Agenda;
using CoordBot.Domain.Membership;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary>
/// What /speak and /withdraw_speaker share once the item is found (an item of a session the person may not see is
/// missing): check the person speaks for the delegation (<see cref="Permissions.MaySpeakForDelegation"/>) and
/// the item is still open for speakers, change its list, save, reply.
/// </summary>
internal sealed class SpeakerListChange(CouncilProvider council, SpeakersView view)
{
    public async Task ApplyAsync(
        CommandContext context,
        AgendaItem item,
        Session session,
        string auditAction,
        Func<SpeakersList, string, Outcome<SpeakersList, Reason>> change,
        Func<string, string, SpeakersList, string> reply,
        CancellationToken cancellationToken)
    {
        if (!Access.Allowed(context, Permissions.MaySpeakForDelegation(context.Actor)) || !IsOpen(context, session, item))
        {
            return;
        }

        var code = context.Actor.DelegationCode!;
        var db = context.Update.Db;
        var rows = await AgendaAccess.SpeakerRowsAsync(db, item.Id, cancellationToken);
        // Names in the reader's language: the domain's reason carries the name it was given (Reason.Speakers*).
        var language = context.Update.Language;
        var changed = change(AgendaAccess.ListOf(rows, c => council.Council.NameOf(c, language)), code);
        if (!changed.TryGetValue(out var list))
        {
            // English keeps its reply as it always was: the clause (it opens with a name) and a stop.
            var clause = Reasons.Text(language, changed.Refusal!);
            context.Reply(Html.Escape(language == Languages.English ? clause + "." : Reasons.Sentence(language, clause)));
            return;
        }

        AgendaAccess.Save(db, item.Id, rows, list, context.Update.NowUtc);
        context.Update.Audit(auditAction, $"{item.Label} {code}");
        context.Reply(reply(Html.Escape(council.Council.NameOf(code, context.Update.Language)), item.Label, list));
        await view.RefreshAsync(context.Update, item, session, cancellationToken);
    }

    /// <summary>Whether the item's list takes changes: items of live sessions not yet concluded.</summary>
    public static bool Accepts(Session session, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        return session.CancelledAt is null && item.Status is not AgendaItemStatus.Concluded;
    }

    // Lists of speakers are open on items of live sessions not yet concluded.
    private static bool IsOpen(CommandContext context, Session session, AgendaItem item)
    {
        if (session.CancelledAt is not null)
        {
            context.Reply(context.Text("Agenda.SessionCancelled", session.Label));
            return false;
        }

        if (item.Status is AgendaItemStatus.Concluded)
        {
            context.Reply(context.Text("Agenda.ItemConcluded", item.Label));
            return false;
        }

        return true;
    }
}
