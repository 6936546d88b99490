namespace CoordBot.Domain.Agenda;

public enum AgendaItemStatus
{
    Proposed,
    Adopted,
    Discussing,
    Concluded,
    Deferred,
}
