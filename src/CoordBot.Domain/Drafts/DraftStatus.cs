namespace CoordBot.Domain.Drafts;

public enum DraftStatus
{
    Negotiation,
    UnderSilence,
    AgreedUnderSilence,
    InBlue,
    Voting,
    Adopted,
    NotAdopted,
    Withdrawn,
}
