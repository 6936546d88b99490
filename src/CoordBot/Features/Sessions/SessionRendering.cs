using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Sessions;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Sessions;

/// <summary>How a session reads in replies, announcements and reminders.</summary>
public sealed class SessionRendering(CouncilProvider council)
{
    /// <summary>
    /// A line that shows how a date typed in words ("tomorrow 3pm") was read, in the zone it was set in; empty
    /// for the plain yyyy-mm-dd HH:mm form, which needs no confirming. HTML (the words escaped).
    /// </summary>
    public static string ReadAs(string? typed, DateTime startUtc, string zoneId) =>
        typed is null ? string.Empty : $"\nI read \"{Html.Escape(typed)}\" as {TimeDisplay.InZoneAndUtc(startUtc, zoneId)}.";

    public static string FormatName(SessionFormat format) => format switch
    {
        SessionFormat.Open => "open VTC",
        SessionFormat.Closed => "closed VTC",
        SessionFormat.Consultations => "informal consultations",
        SessionFormat.Arria => "Arria-formula meeting",
        _ => format.ToString(),
    };

    /// <summary>"S3 «Title» (closed VTC, 120 min)", escaped.</summary>
    public static string Headline(Session session) =>
        $"<b>{session.Label}</b> {Html.Escape(session.Title)} ({FormatName(session.Format)}, {session.DurationMinutes} min)";

    public string Convenor(Session session) => session.ConvenorCode is { } code
        ? $"convened by {Html.Escape(council.Council.NameOf(code))}"
        : "convened by the presidency";

    public static string When(Session session, string readerZone) => TimeDisplay.InZoneAndUtc(session.StartUtc, readerZone);

    /// <summary>Who said yes, who said no, and how many have not answered.</summary>
    public string Attendance(IReadOnlyCollection<SessionAttendance> answers)
    {
        var yes = answers.Where(a => a.Attends).Select(a => a.DelegationCode).Order().ToList();
        var no = answers.Where(a => !a.Attends).Select(a => a.DelegationCode).Order().ToList();
        var undecided = council.Council.Members.Count - yes.Count - no.Count;
        var text = new StringBuilder();
        text.Append("Attending: ").Append(yes.Count == 0 ? "none yet" : string.Join(", ", yes));
        if (no.Count > 0)
        {
            text.Append("; not attending: ").Append(string.Join(", ", no));
        }

        text.Append($"; not answered: {undecided}");
        return text.ToString();
    }
}
