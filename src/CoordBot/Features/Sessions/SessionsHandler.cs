using System.Text;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary><c>/sessions [page]</c>: upcoming (and running) sessions in the reader's zone, with the delegation's answer; a button opens each.</summary>
internal sealed class SessionsHandler : Command<int>
{
    /// <summary>The declaration, also read by the buttons that offer this command (<see cref="CommandGate.Refusal"/>).</summary>
    internal static readonly CommandInfo Declaration = new("sessions", "/sessions [page]", "Upcoming sessions, in your time zone")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
    };

    public override CommandInfo Info => Declaration;

    protected override int Parse(ArgReader args) => args.HasMore ? (int)args.Number(1, int.MaxValue) : 1;

    protected override async Task ExecuteAsync(CommandContext context, int page, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var actor = context.Actor;
        var language = context.Update.Language;
        // Running sessions stay listed: "starts" can have passed while the meeting goes on.
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartUtc > now.AddDays(-1))
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);
        var visible = candidates.Where(s => s.EndUtc > now && SessionAccess.CanSee(s, actor)).ToList();
        if (visible.Count == 0)
        {
            context.Reply(context.Text("Sessions.NoneScheduled"));
            return;
        }

        var shown = ListPage.Of(visible, page);
        var ids = shown.Entries.Select(s => s.Id).ToList();
        var answers = actor.DelegationCode is { } code
            ? await db.SessionAttendances.AsNoTracking().Where(a => ids.Contains(a.SessionId) && a.DelegationCode == code).ToDictionaryAsync(a => a.SessionId, a => a.Attends, cancellationToken)
            : [];
        var text = new StringBuilder(context.Text("Sessions.ListTitle", Html.Escape(actor.TimeZone)));
        if (!shown.IsOnlyPage)
        {
            text.Append('\n').Append(shown.Heading(language));
        }

        var buttons = new List<IReadOnlyList<Button>>();
        foreach (var session in shown.Entries)
        {
            text.Append("\n\n").Append(SessionRendering.Headline(session, language))
                .Append('\n').Append(Bidi.Lines(language, Dates.InZone(language, session.StartUtc, actor.TimeZone)));
            if (session.StartUtc <= now)
            {
                text.Append(Catalogue.Text(language, "Sessions.InProgressMark"));
            }

            if (actor.DelegationCode is not null)
            {
                var answer = answers.TryGetValue(session.Id, out var yes) ? (yes ? "Attends" : "Declines") : "Unanswered";
                text.Append('\n').Append(context.Text("Sessions.YourDelegation." + answer));
            }

            buttons.Add([CommandButton.For($"{session.Label} {Shortened.To(session.Title, 40)}", $"session {session.Label}")]);
        }

        if (shown.Navigation("sessions", language) is { Count: > 0 } navigation)
        {
            buttons.Add(navigation);
        }

        context.Update.Reply(text.ToString(), buttons);
    }
}
