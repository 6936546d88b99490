namespace CoordBot.Domain.Agenda;

public enum SpeakerState
{
    Waiting,
    Speaking,
    Spoken,
}
