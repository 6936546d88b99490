using System.Globalization;
using CoordBot.Domain.Agenda;

namespace CoordBot.Features.Agenda;

/// <summary>An item on a session's agenda, at a 1-based position.</summary>
public sealed class AgendaItem : CoordBot.Persistence.IBodyOwned
{
    /// <summary>The body this belongs to (issue 25).</summary>
    public int BodyId { get; set; }

    public long Id { get; set; }

    public long SessionId { get; set; }

    public int Position { get; set; }

    public required string Title { get; set; }

    public AgendaItemStatus Status { get; set; }

    /// <summary>Penholder first, then co-penholders, comma separated codes; empty when none is named.</summary>
    public string Penholders { get; set; } = string.Empty;

    public long CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string Label => AgendaIds.Label(Id);

    public string[] PenholderCodes => Penholders.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A delegation on an item's list of speakers, in order of inscription.</summary>
public sealed class AgendaSpeaker
{
    public long Id { get; set; }

    public long AgendaItemId { get; set; }

    public int Sequence { get; set; }

    public required string DelegationCode { get; set; }

    public SpeakerState State { get; set; }

    public DateTime InscribedAt { get; set; }
}

public static class AgendaIds
{
    public static string Label(long id) => "A" + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id) => Sessions.SessionIds.TryParse(text, 'A', out id);
}
