using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain;
using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary><c>/agenda S&lt;n&gt;</c>: the items in order.</summary>
internal sealed class AgendaHandler(AgendaText agenda) : ICommandHandler
{
    public CommandInfo Info { get; } = new("agenda", "/agenda S<n>", "A session's agenda: items, status, penholders, drafts", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var session = await SessionAccess.FindVisibleAsync(context, context.Command.FirstWord, "/agenda S&lt;n&gt;", cancellationToken);
        if (session is null)
        {
            return;
        }

        context.Reply($"{SessionRendering.Headline(session)}\n{await agenda.ForSessionAsync(context.Update.Db, session.Id, cancellationToken)}");
    }
}

/// <summary><c>/agenda_add S&lt;n&gt; &lt;title&gt;</c>: a new item at the end.</summary>
internal sealed class AgendaAddHandler : ICommandHandler
{
    private const string Usage = "/agenda_add S&lt;n&gt; &lt;title&gt;";

    public CommandInfo Info { get; } = new("agenda_add", "/agenda_add S<n> <title>", "Add an item to a session's agenda (chair or convenor)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count < 2)
        {
            context.Reply($"Usage: {Usage}, for example /agenda_add S3 The situation in Libya");
            return;
        }

        var session = await SessionAccess.FindVisibleAsync(context, words[0], Usage, cancellationToken);
        if (session is null || !AgendaAccess.Manage(context, session, "add items"))
        {
            return;
        }

        if (session.CancelledAt is not null || session.EndUtc <= context.Update.NowUtc)
        {
            context.Reply($"{session.Label} is {(session.CancelledAt is not null ? "cancelled" : "over")}; its agenda is closed.");
            return;
        }

        var title = string.Join(' ', words.Skip(1));
        if (title.Length > 300)
        {
            context.Reply("The title is too long (at most 300 characters).");
            return;
        }

        var db = context.Update.Db;
        var count = await db.AgendaItems.CountAsync(i => i.SessionId == session.Id, cancellationToken);
        var item = new AgendaItem
        {
            SessionId = session.Id,
            Position = count + 1,
            Title = title,
            Status = AgendaItemStatus.Proposed,
            CreatedBy = context.Actor.UserId,
            CreatedAt = context.Update.NowUtc,
        };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        context.Update.Audit("agenda.added", $"{item.Label} to {session.Label}");
        context.Reply($"Added {item.Label} \"{Html.Escape(title)}\" as item {item.Position} of {session.Label} (proposed).");
    }
}

/// <summary><c>/agenda_move A&lt;n&gt; &lt;position&gt;</c>.</summary>
internal sealed class AgendaMoveHandler : ICommandHandler
{
    private const string Usage = "/agenda_move A&lt;n&gt; &lt;position&gt;";

    public CommandInfo Info { get; } = new("agenda_move", "/agenda_move A<n> <position>", "Move an agenda item to another position (chair or convenor)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            context.Reply($"Usage: {Usage}, for example /agenda_move A7 1");
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, words[0], Usage, cancellationToken) is not ({ } item, { } session) || !AgendaAccess.Manage(context, session, "reorder items"))
        {
            return;
        }

        var db = context.Update.Db;
        var items = await db.AgendaItems.Where(i => i.SessionId == session.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var moved = AgendaOrder.Move(items.Select(i => i.Id).ToList(), item.Id, position);
        if (!moved.TryGetValue(out var order))
        {
            context.Reply($"I could not move {item.Label}: {Html.Escape(moved.Error)}.");
            return;
        }

        // Once the session has started, the order of adopted items is the chair's alone (not a convenor's).
        var adopted = items.Where(i => i.Status == AgendaItemStatus.Adopted).Select(i => i.Id).ToList();
        if (session.StartUtc <= context.Update.NowUtc && !context.Actor.IsChair && !order.Where(adopted.Contains).SequenceEqual(adopted))
        {
            context.Reply($"{session.Label} has started: only the chair may change the order of its adopted items.");
            return;
        }

        for (var i = 0; i < order.Count; i++)
        {
            items.Single(x => x.Id == order[i]).Position = i + 1;
        }

        context.Update.Audit("agenda.moved", $"{item.Label} to {position}");
        context.Reply($"Moved {item.Label} to position {position} of {session.Label}.\n{string.Join('\n', items.OrderBy(i => i.Position).Select(i => $"{i.Position}. {i.Label} {Html.Escape(i.Title)}"))}");
    }
}

/// <summary><c>/agenda_status A&lt;n&gt; &lt;status&gt;</c>; announced to the delegations taking part.</summary>
internal sealed class AgendaStatusHandler(SessionNotifier notifier, AgendaText agenda) : ICommandHandler
{
    private const string Usage = "/agenda_status A&lt;n&gt; &lt;proposed|adopted|discussing|concluded|deferred&gt;";

    public CommandInfo Info { get; } = new("agenda_status", "/agenda_status A<n> <proposed|adopted|discussing|concluded|deferred>", "Change an agenda item's status (chair or convenor)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count != 2 || !Enum.TryParse<AgendaItemStatus>(words[1], ignoreCase: true, out var status) || !Enum.IsDefined(status) || words[1].All(char.IsAsciiDigit))
        {
            context.Reply($"Usage: {Usage}");
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, words[0], Usage, cancellationToken) is not ({ } item, { } session) || !AgendaAccess.Manage(context, session, "change statuses"))
        {
            return;
        }

        if (session.CancelledAt is not null)
        {
            context.Reply($"{session.Label} is cancelled; its agenda is closed.");
            return;
        }

        var verdict = AgendaTransitions.Check(item.Status, status);
        if (!Access.Allowed(context, verdict))
        {
            return;
        }

        var before = item.Status;
        item.Status = status;
        var word = status.ToString().ToLowerInvariant();
        context.Update.Audit("agenda.status", $"{item.Label} {before} -> {status}");
        context.Reply($"{item.Label} is now {word}. The delegations taking part in {session.Label} are told.");

        var db = context.Update.Db;
        var declined = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionId == session.Id && !a.Attends).Select(a => a.DelegationCode).ToListAsync(cancellationToken);
        var codes = notifier.AllCodes().Except(declined).ToList();
        await notifier.SendAsync(db, context.Update.Outbox, session, codes, _ =>
            $"{SessionRendering.Headline(session)}: item {agenda.Line(item)} is now <b>{word}</b>.", null, cancellationToken);
    }
}

/// <summary><c>/penholder A&lt;n&gt; &lt;CODE&gt;[,&lt;CODE&gt;...]</c>: penholder first, then co-penholders.</summary>
internal sealed class PenholderHandler(CouncilProvider council) : ICommandHandler
{
    private const string Usage = "/penholder A&lt;n&gt; &lt;CODE&gt;[,&lt;CODE&gt;...]";

    public CommandInfo Info { get; } = new("penholder", "/penholder A<n> <CODE>[,<CODE>...]", "Name the penholder and co-penholders of an item (chair)", a => a.IsChair);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count < 2)
        {
            context.Reply($"Usage: {Usage}, for example /penholder A7 FRA,DEU");
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, words[0], Usage, cancellationToken) is not ({ } item, _) || !Access.Chair(context))
        {
            return;
        }

        var codes = string.Join(',', words.Skip(1)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        var unknown = codes.Where(c => !council.Council.IsMember(c)).ToList();
        if (codes.Count == 0 || unknown.Count > 0)
        {
            context.Reply($"{Html.Escape(string.Join(", ", unknown))} {(unknown.Count == 1 ? "is not a member" : "are not members")} of the council. Send /delegations to see the codes. Usage: {Usage}");
            return;
        }

        if (codes.Distinct().Count() != codes.Count)
        {
            context.Reply("A delegation is named twice.");
            return;
        }

        item.Penholders = string.Join(',', codes);
        context.Update.Audit("agenda.penholder", $"{item.Label} {item.Penholders}");
        var names = codes.Select(council.Council.NameOf).ToList();
        context.Reply($"{item.Label}: penholder {Html.Escape(names[0])}" + (names.Count > 1 ? $", co-penholders {Html.Escape(string.Join(", ", names.Skip(1)))}." : "."));
    }
}

/// <summary><c>/speakers A&lt;n&gt;</c>: the list of speakers in order, with who has spoken.</summary>
internal sealed class SpeakersHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("speakers", "/speakers A<n>", "The list of speakers on an agenda item", a => a.IsMember || a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, context.Command.FirstWord, "/speakers A&lt;n&gt;", cancellationToken) is not ({ } item, _))
        {
            return;
        }

        var rows = await AgendaAccess.SpeakerRowsAsync(context.Update.Db, item.Id, cancellationToken);
        if (rows.Count == 0)
        {
            context.Reply($"Nobody has asked to speak on {item.Label} {Html.Escape(item.Title)} yet. Delegations ask with /speak {item.Label}.");
            return;
        }

        var text = new StringBuilder($"Speakers on {item.Label} {Html.Escape(item.Title)}:");
        var n = 1;
        foreach (var row in rows)
        {
            var state = row.State switch
            {
                SpeakerState.Speaking => " — has the floor",
                SpeakerState.Spoken => " — has spoken",
                _ => string.Empty,
            };
            text.Append('\n').Append(n++).Append(". ").Append(Html.Escape(council.Council.NameOf(row.DelegationCode))).Append(state);
        }

        context.Reply(text.ToString());
    }
}

/// <summary><c>/speak A&lt;n&gt;</c>: the delegation asks for the floor (once).</summary>
internal sealed class SpeakHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("speak", "/speak A<n>", "Put your delegation on an item's list of speakers", SpeakerListChange.MayAsk);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        SpeakerListChange.ApplyAsync(context, council, "/speak A&lt;n&gt;", "agenda.speak", (list, code) => list.Inscribe(code),
            (name, item, list) => $"{name} is on the list of speakers on {item}, number {list.Speakers.Count}.", cancellationToken);
}

/// <summary><c>/withdraw_speaker A&lt;n&gt;</c>: the delegation leaves the list.</summary>
internal sealed class WithdrawSpeakerHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("withdraw_speaker", "/withdraw_speaker A<n>", "Take your delegation off an item's list of speakers", SpeakerListChange.MayAsk);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        SpeakerListChange.ApplyAsync(context, council, "/withdraw_speaker A&lt;n&gt;", "agenda.withdraw_speaker", (list, code) => list.Withdraw(code),
            (name, item, _) => $"{name} is off the list of speakers on {item}.", cancellationToken);
}

/// <summary>What /speak and /withdraw_speaker share: find the item, check the delegation may speak, change its list, save, reply.</summary>
internal static class SpeakerListChange
{
    public static bool MayAsk(Actor actor) =>
        actor.Role is Domain.Membership.DelegationRole.Head or Domain.Membership.DelegationRole.Deputy or Domain.Membership.DelegationRole.Adviser;

    public static async Task ApplyAsync(
        CommandContext context,
        CouncilProvider council,
        string usage,
        string auditAction,
        Func<SpeakersList, string, Result<SpeakersList>> change,
        Func<string, string, SpeakersList, string> reply,
        CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, context.Command.FirstWord, usage, cancellationToken) is not ({ } item, { } session)
            || !SpeakerRules.MaySpeak(context, session, item))
        {
            return;
        }

        var code = context.Actor.DelegationCode!;
        var db = context.Update.Db;
        var rows = await AgendaAccess.SpeakerRowsAsync(db, item.Id, cancellationToken);
        var changed = change(AgendaAccess.ListOf(rows, council.Council.NameOf), code);
        if (!changed.TryGetValue(out var list))
        {
            context.Reply(Html.Escape(changed.Error) + ".");
            return;
        }

        AgendaAccess.Save(db, item.Id, rows, list, context.Update.NowUtc);
        context.Update.Audit(auditAction, $"{item.Label} {code}");
        context.Reply(reply(Html.Escape(council.Council.NameOf(code)), item.Label, list));
    }
}

/// <summary><c>/next A&lt;n&gt;</c>: the chair gives the floor to the next speaker; that delegation is told.</summary>
internal sealed class NextSpeakerHandler(CouncilProvider council, SessionNotifier notifier) : ICommandHandler
{
    public CommandInfo Info { get; } = new("next", "/next A<n>", "Give the floor to the next speaker on an item (chair)", a => a.IsChair || a.IsHeadOrDeputy);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, context.Command.FirstWord, "/next A&lt;n&gt;", cancellationToken) is not ({ } item, { } session)
            || !AgendaAccess.Manage(context, session, "give the floor"))
        {
            return;
        }

        var db = context.Update.Db;
        var rows = await AgendaAccess.SpeakerRowsAsync(db, item.Id, cancellationToken);
        var changed = AgendaAccess.ListOf(rows, council.Council.NameOf).CallNext();
        if (!changed.TryGetValue(out var list))
        {
            context.Reply($"{item.Label}: {Html.Escape(changed.Error)}.");
            return;
        }

        AgendaAccess.Save(db, item.Id, rows, list, context.Update.NowUtc);
        if (list.Current is not { } speaker)
        {
            context.Update.Audit("agenda.next", $"{item.Label} list closed");
            context.Reply($"{item.Label}: the last speaker has finished; the list of speakers is exhausted.");
            return;
        }

        context.Update.Audit("agenda.next", $"{item.Label} {speaker}");
        var waiting = list.Waiting.Count;
        context.Reply($"{item.Label}: the floor goes to {Html.Escape(council.Council.NameOf(speaker))}. {(waiting == 0 ? "Nobody else is waiting." : $"{waiting} waiting.")}");
        await notifier.SendAsync(db, context.Update.Outbox, session, [speaker], _ =>
            $"You have the floor: {SessionRendering.Headline(session)}, item {item.Label} {Html.Escape(item.Title)}.", null, cancellationToken);
    }
}

internal static class SpeakerRules
{
    /// <summary>Heads, deputies and advisers speak for the delegation, on items of live sessions not yet concluded.</summary>
    public static bool MaySpeak(CommandContext context, Session session, AgendaItem item)
    {
        if (context.Actor.DelegationCode is null || context.Actor.Role is not (Domain.Membership.DelegationRole.Head or Domain.Membership.DelegationRole.Deputy or Domain.Membership.DelegationRole.Adviser))
        {
            context.Reply("Speaking for a delegation needs its head, deputy or an adviser.");
            return false;
        }

        if (session.CancelledAt is not null)
        {
            context.Reply($"{session.Label} is cancelled.");
            return false;
        }

        if (item.Status is AgendaItemStatus.Concluded)
        {
            context.Reply($"{item.Label} is concluded; its list of speakers is closed.");
            return false;
        }

        return true;
    }
}
