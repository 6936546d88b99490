using System.Text;
using CoordBot.Features.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Dashboard;

/// <summary>
/// Writes a dashboard: one line per thing that needs the person, times in their zone, and under it one row of
/// buttons per line with what they may do about it now (each press is checked again as if typed).
/// </summary>
public static class DashboardText
{
    public static (string Html, IReadOnlyList<IReadOnlyList<Button>> Buttons) Render(DashboardView view, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(actor);
        var zone = actor.TimeZone;
        var text = new StringBuilder("<b>What needs you now</b>");
        var rows = new List<IReadOnlyList<Button>>();
        if (view.IsEmpty)
        {
            text.Append("\nNothing: no ballot to cast, no silence running, no session in the next ").Append(Dashboard.Horizon.Days)
                .Append(" days. Send /help to see what you can do.");
            return (text.ToString(), rows);
        }

        Section(text, "Votes", view.Ballots, b =>
        {
            var draft = DraftLabel(b.DraftId);
            rows.Add(b.MustCast
                ?
                [
                    new Button($"{draft}: In favour", $"{VotingService.ButtonPrefix}:{b.VoteId}:y"),
                    new Button("Against", $"{VotingService.ButtonPrefix}:{b.VoteId}:n"),
                    new Button("Abstain", $"{VotingService.ButtonPrefix}:{b.VoteId}:a"),
                ]
                : [CommandButton.For($"{draft}: Read", $"draft {draft} v{b.Version}"), CommandButton.For("Tally", $"tally {draft}")]);
            return $"{draft} v{b.Version} {Quote(b.Title)}: " + (b.MustCast ? "your delegation's ballot is due by " : "voting closes ") + TimeDisplay.InZoneAndUtc(b.ClosesAt, zone);
        });
        Section(text, "Under silence", view.Silences, s =>
        {
            var draft = DraftLabel(s.DraftId);
            rows.Add([CommandButton.For($"{draft}: Read", $"draft {draft}"), CommandButton.For("Comments", $"comments {draft}")]);
            return $"{draft} {Quote(s.Title)}: silence ends {TimeDisplay.InZoneAndUtc(s.DeadlineUtc, zone)}" + (s.IsPenholder ? " (you hold the pen)" : string.Empty);
        });
        Section(text, "Sessions", view.Sessions, s =>
        {
            var label = $"S{s.SessionId}";
            var buttons = new List<Button>();
            if (s.MayAnswer && s.Attends is null)
            {
                buttons.Add(new Button($"{label}: We attend", $"{AttendCallbackHandler.Prefix}:{s.SessionId}:y"));
                buttons.Add(new Button("We do not attend", $"{AttendCallbackHandler.Prefix}:{s.SessionId}:n"));
            }

            buttons.Add(CommandButton.For(buttons.Count == 0 ? $"{label}: Agenda" : "Agenda", $"agenda {label}"));
            rows.Add(buttons);
            var answer = actor.DelegationCode is null ? string.Empty : s.Attends switch
            {
                true => "; your delegation attends",
                false => "; your delegation does not attend",
                null => "; your delegation has not answered",
            };
            return $"{label} {Quote(s.Title)}: {TimeDisplay.InZoneAndUtc(s.StartUtc, zone)}{answer}";
        });
        Section(text, "Agenda items", view.Items, i =>
        {
            var label = AgendaIds.Label(i.ItemId);
            rows.Add([CommandButton.For($"{label}: Speakers", $"speakers {label}")]);
            var duty = (i.IsPenholder ? "your delegation holds the pen" : string.Empty)
                + (i.IsPenholder && i.SpeakerPlace is not null ? "; " : string.Empty)
                + (i.SpeakerPlace is { } place ? $"your delegation is number {place} on the list of speakers" : string.Empty);
            return $"{label} {Quote(i.Title)} (S{i.SessionId}): {duty}";
        });
        Section(text, "Amendments to decide", view.Amendments, m =>
        {
            var label = $"M{m.AmendmentId}";
            rows.Add([CommandButton.For($"{label}: Accept", $"accept {label}"), CommandButton.For("Reject", $"reject {label}"), CommandButton.For("Comments", $"comments {DraftLabel(m.DraftId)}")]);
            return $"{label} on {DraftLabel(m.DraftId)}" + (m.Paragraph is { } p ? $" §{p}" : string.Empty) + $", proposed by {Html.Escape(m.ProposerCode)}";
        });
        return (text.ToString(), rows);
    }

    private static void Section<T>(StringBuilder text, string heading, IReadOnlyList<T> lines, Func<T, string> line)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("\n\n<b>").Append(heading).Append("</b>");
        foreach (var item in lines)
        {
            text.Append('\n').Append(line(item));
        }
    }

    private static string DraftLabel(long id) => "D" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Quote(string title) => $"“{Html.Escape(title)}”";
}
