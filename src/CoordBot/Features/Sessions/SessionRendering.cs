using CoordBot.Council;
using CoordBot.Domain.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Features.Sessions;

/// <summary>How a session reads in replies, announcements and reminders, in the reader's language (English by default).</summary>
public sealed class SessionRendering(CouncilProvider council)
{
    /// <summary>
    /// A line that shows how a date typed in words ("tomorrow 3pm") was read, in the zone it was set in; empty
    /// for the plain yyyy-mm-dd HH:mm form, which needs no confirming. HTML (the words escaped).
    /// </summary>
    public static string ReadAs(string? typed, DateTime startUtc, string zoneId, string language = Languages.English) =>
        typed is null ? string.Empty : "\n" + Catalogue.Format(language, "Sessions.ReadAs", Html.Escape(typed), Dates.InZoneAndUtc(language, startUtc, zoneId));

    public static string FormatName(SessionFormat format, string language = Languages.English) => format switch
    {
        SessionFormat.Open or SessionFormat.Closed or SessionFormat.Consultations or SessionFormat.Arria => Catalogue.Text(language, "Sessions.Format." + format),
        _ => format.ToString(),
    };

    /// <summary>"S3 «Title» (closed VTC, 120 min)", escaped; the title is the author's own words, never translated.</summary>
    public static string Headline(Session session, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Catalogue.Format(language, "Sessions.Headline", session.Label, Html.Escape(session.Title), FormatName(session.Format, language), session.DurationMinutes);
    }

    public string Convenor(Session session, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.ConvenorCode is { } code
            ? Catalogue.Format(language, "Sessions.ConvenedBy", Html.Escape(council.Council.NameOf(code, language)))
            : Catalogue.Text(language, "Sessions.ConvenedByPresidency");
    }

    public static string When(Session session, string readerZone, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Dates.InZoneAndUtc(language, session.StartUtc, readerZone);
    }

    /// <summary>Who said yes, who said no, and how many have not answered.</summary>
    public string Attendance(IReadOnlyCollection<SessionAttendance> answers, string language = Languages.English)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var yes = answers.Where(a => a.Attends).Select(a => a.DelegationCode).Order().ToList();
        var no = answers.Where(a => !a.Attends).Select(a => a.DelegationCode).Order().ToList();
        var undecided = council.Council.Members.Count - yes.Count - no.Count;
        var attending = yes.Count == 0 ? Catalogue.Text(language, "Sessions.NoneYet") : string.Join(", ", yes);
        return no.Count > 0
            ? Catalogue.Format(language, "Sessions.AttendanceLineWithNo", attending, string.Join(", ", no), undecided)
            : Catalogue.Format(language, "Sessions.AttendanceLine", attending, undecided);
    }
}
