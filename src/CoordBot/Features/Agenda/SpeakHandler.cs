using CoordBot.Domain.Agenda;
using CoordBot.Localization;
using CoordBot.Features.Sessions;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Agenda;

/// <summary>
/// <c>/speak A&lt;n&gt;</c>: the delegation asks for the floor (once). Bare, it offers the open items of the session now
/// running or coming next as buttons, or says what is missing (no session, no open item).
/// </summary>
internal sealed class SpeakHandler(SpeakerListChange change) : Command<EntityRef?>
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("speak", "/speak A<n>", "Put your delegation on an item's list of speakers")
    {
        // Any member at the door: who speaks is asked after the lookup, so that an observer learns nothing of an item it may not see.
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/speak A7",
    };

    private static readonly AgendaItemStatus[] Open = [AgendaItemStatus.Proposed, AgendaItemStatus.Adopted, AgendaItemStatus.Discussing];

    public override CommandInfo Info => Declaration;

    protected override EntityRef? Parse(ArgReader args) => args.HasMore ? EntityRef.Read(args, 'A') : null;

    protected override async Task ExecuteAsync(CommandContext context, EntityRef? args, CancellationToken cancellationToken)
    {
        if (args is not { } id)
        {
            await OfferAsync(context, cancellationToken);
            return;
        }

        if (await AgendaAccess.FindItemAsync(context, Info, id, cancellationToken) is var (item, session))
        {
            await change.ApplyAsync(context, item, session, "agenda.speak", (list, code) => list.Inscribe(code),
                (name, label, list) => context.Text("Agenda.Inscribed", name, label, list.Speakers.Count), cancellationToken);
        }
    }

    /// <summary>The open items of the first session the sender may see that is not over nor cancelled, one button each.</summary>
    private static async Task OfferAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        // A session lasts at most ScheduleRequest.MaxMinutes: one that started earlier is over (its end is computed, not stored).
        var earliest = now.AddMinutes(-ScheduleRequest.MaxMinutes);
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartUtc > earliest)
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);
        var session = candidates.FirstOrDefault(s => s.EndUtc > now && SessionAccess.CanSee(s, context.Actor));
        if (session is null)
        {
            context.Reply(context.Text("Speak.NoSession"));
            return;
        }

        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => i.SessionId == session.Id && Open.Contains(i.Status))
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            context.Reply(context.Text("Speak.NoItems", session.Label));
            return;
        }

        var language = context.Update.Language;
        context.Update.Reply(
            context.Text("Speak.Choose", SessionRendering.Headline(session, language)),
            [.. items.Select(i => (IReadOnlyList<Button>)[CommandButton.For($"{i.Label} {Shortened.To(i.Title, 40)}", "speak " + i.Label)])]);
    }
}
