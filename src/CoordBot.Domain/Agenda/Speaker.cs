namespace CoordBot.Domain.Agenda;

public sealed record Speaker(string DelegationCode, SpeakerState State);
