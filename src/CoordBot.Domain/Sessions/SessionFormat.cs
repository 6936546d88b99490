namespace CoordBot.Domain.Sessions;

/// <summary>Open VTC (public briefing), closed VTC, informal consultations (members only) or an Arria-formula meeting.</summary>
public enum SessionFormat
{
    Open,
    Closed,
    Consultations,
    Arria,
}
