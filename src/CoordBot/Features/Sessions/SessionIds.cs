using System.Globalization;

namespace CoordBot.Features.Sessions;

/// <summary>Ids as people write them: <c>S12</c> or <c>12</c> for sessions, <c>A7</c> or <c>7</c> for agenda items.</summary>
public static class SessionIds
{
    public static string Label(long id) => "S" + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id) => TryParse(text, 'S', out id);

    /// <summary>Accepts the prefix in either case, or none; the number must be positive.</summary>
    public static bool TryParse(string? text, char prefix, out long id) => Telegram.Routing.EntityIds.TryParse(text, prefix, out id);
}
