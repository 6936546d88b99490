using CoordBot.Localization;

namespace CoordBot.Features.Drafts;

/// <summary>The words of the no-objection procedure that more than one command writes.</summary>
internal static class NoObjectionText
{
    /// <summary>The time left on a held deadline: "71 h 30 min", with "of working time" when it is counted in working days.</summary>
    public static string Left(string language, TimeSpan left, bool workingDays)
    {
        var minutes = (long)Math.Ceiling(left.TotalMinutes);
        var text = Catalogue.Format(language, "Committees.Left", minutes / 60, minutes % 60);
        return workingDays ? Catalogue.Format(language, "Committees.Left.Working", text) : text;
    }
}
