using System.Text;
using CoordBot.Features.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Dashboard;

/// <summary>
/// Writes a dashboard in the reader's language: one line per thing that needs the person, times in their zone, ids as
/// links that open them, and under it one row of buttons per line with what they may do about it now (each press is
/// checked again as if typed). A ballot's row is the ballot paper's own buttons, its first one naming the draft so
/// that two open votes are told apart.
/// </summary>
public static class DashboardText
{
    public static (string Html, IReadOnlyList<IReadOnlyList<Button>> Buttons) Render(DashboardView view, Actor actor, string language, string botUsername)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(actor);
        var zone = actor.TimeZone;
        var text = new StringBuilder(Catalogue.Format(language, "Dashboard.Title"));
        var rows = new List<IReadOnlyList<Button>>();
        if (view.IsEmpty)
        {
            text.Append('\n').Append(Catalogue.Format(language, "Dashboard.Nothing", Dashboard.Horizon.Days));
            return (text.ToString(), rows);
        }

        string Say(string key, params object?[] args) => Catalogue.Format(language, key, args);
        string Word(string key) => Catalogue.Text(language, key);
        string Labelled(string id, string key) => Say("Dashboard.Labelled", id, Word(key));
        string Link(char kind, long id) => IdLinks.Link(botUsername, kind, id);
        // Quoted once: the quotation marks and the title go into a line as one isolated argument.
        string Quote(string title) => string.Format(Catalogue.FormatCulture(language), Word("Dashboard.Quoted"), Html.Escape(title));

        Section(text, language, "Dashboard.Votes", view.Ballots, b =>
        {
            var draft = DraftLabel(b.DraftId);
            if (b.MustCast)
            {
                // The ballot paper's buttons (same data, same words), the first one saying which draft it is for.
                var paper = VotingService.BallotButtons(b.VoteId, language)[0];
                rows.Add([paper[0] with { Text = Say("Dashboard.Labelled", draft, paper[0].Text) }, .. paper.Skip(1)]);
            }
            else
            {
                rows.Add([CommandButton.For(Labelled(draft, "Dashboard.Read"), $"draft {draft} v{b.Version}"), CommandButton.For(Word("Dashboard.Tally"), $"tally {draft}")]);
            }

            return Say(b.MustCast ? "Dashboard.BallotDue" : "Dashboard.VotingCloses", Link('D', b.DraftId), b.Version, Quote(b.Title), Dates.InZoneAndUtc(language, b.ClosesAt, zone));
        });
        Section(text, language, "Dashboard.Silences", view.Silences, s =>
        {
            var draft = DraftLabel(s.DraftId);
            rows.Add([CommandButton.For(Labelled(draft, "Dashboard.Read"), $"draft {draft}"), CommandButton.For(Word("Dashboard.Comments"), $"comments {draft}")]);
            return Say(s.IsPenholder ? "Dashboard.SilencePenholder" : "Dashboard.Silence", Link('D', s.DraftId), Quote(s.Title), Dates.InZoneAndUtc(language, s.DeadlineUtc, zone));
        });
        Section(text, language, "Dashboard.Sessions", view.Sessions, s =>
        {
            var label = EntityIds.Format('S', s.SessionId);
            var buttons = new List<Button>();
            if (s.MayAnswer && s.Attends is null)
            {
                buttons.Add(new Button(Labelled(label, "Sessions.Button.Attend"), $"{AttendCallbackHandler.Prefix}:{s.SessionId}:y"));
                buttons.Add(new Button(Word("Sessions.Button.Decline"), $"{AttendCallbackHandler.Prefix}:{s.SessionId}:n"));
            }

            buttons.Add(CommandButton.For(buttons.Count == 0 ? Labelled(label, "Dashboard.Agenda") : Word("Dashboard.Agenda"), $"agenda {label}"));
            rows.Add(buttons);
            var key = actor.DelegationCode is null ? "Dashboard.Session" : s.Attends switch
            {
                true => "Dashboard.SessionAttends",
                false => "Dashboard.SessionAbsent",
                null => "Dashboard.SessionUnanswered",
            };
            return Say(key, Link('S', s.SessionId), Quote(s.Title), Dates.InZoneAndUtc(language, s.StartUtc, zone));
        });
        Section(text, language, "Dashboard.Items", view.Items, i =>
        {
            var label = AgendaIds.Label(i.ItemId);
            rows.Add([CommandButton.For(Labelled(label, "Dashboard.Speakers"), $"speakers {label}")]);
            var key = (i.IsPenholder, i.SpeakerPlace) switch
            {
                (true, null) => "Dashboard.ItemPen",
                (true, _) => "Dashboard.ItemPenAndSpeaker",
                _ => "Dashboard.ItemSpeaker",
            };
            return Say(key, Link('A', i.ItemId), Quote(i.Title), Link('S', i.SessionId), i.SpeakerPlace);
        });
        Section(text, language, "Dashboard.Amendments", view.Amendments, m =>
        {
            var label = EntityIds.Format('M', m.AmendmentId);
            rows.Add([CommandButton.For(Labelled(label, "Dashboard.Accept"), $"accept {label}"), CommandButton.For(Word("Dashboard.Reject"), $"reject {label}"), CommandButton.For(Word("Dashboard.Comments"), $"comments {DraftLabel(m.DraftId)}")]);
            return m.Paragraph is { } paragraph
                ? Say("Dashboard.AmendmentParagraph", Link('M', m.AmendmentId), Link('D', m.DraftId), paragraph, Html.Escape(m.ProposerCode))
                : Say("Dashboard.Amendment", Link('M', m.AmendmentId), Link('D', m.DraftId), Html.Escape(m.ProposerCode));
        });
        return (text.ToString(), rows);
    }

    private static void Section<T>(StringBuilder text, string language, string heading, IReadOnlyList<T> lines, Func<T, string> line)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("\n\n").Append(Catalogue.Format(language, heading));
        foreach (var item in lines)
        {
            text.Append('\n').Append(line(item));
        }
    }

    private static string DraftLabel(long id) => EntityIds.Format('D', id);
}
