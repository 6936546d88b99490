namespace CoordBot.Domain.Agenda;

/// <summary>How an agenda item moves: proposed, adopted with the agenda, discussed, concluded; or deferred and taken up again.</summary>
public static class AgendaTransitions
{
    public static Verdict Check(AgendaItemStatus from, AgendaItemStatus to) => (from, to) switch
    {
        (AgendaItemStatus.Proposed, AgendaItemStatus.Adopted or AgendaItemStatus.Deferred) => Verdict.Allowed,
        (AgendaItemStatus.Adopted, AgendaItemStatus.Discussing or AgendaItemStatus.Deferred) => Verdict.Allowed,
        (AgendaItemStatus.Discussing, AgendaItemStatus.Concluded or AgendaItemStatus.Deferred) => Verdict.Allowed,
        (AgendaItemStatus.Deferred, AgendaItemStatus.Proposed or AgendaItemStatus.Adopted) => Verdict.Allowed,
        (AgendaItemStatus.Concluded, _) => Verdict.Refused(ReasonCode.AgendaItemConcluded),
        _ => Verdict.Refused(ReasonCode.AgendaCannotBecome, from, to),
    };
}
