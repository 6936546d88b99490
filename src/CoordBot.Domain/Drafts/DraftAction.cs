namespace CoordBot.Domain.Drafts;

/// <summary>
/// Everything that can happen to a draft; ConcludeSilence is the silence deadline passing with no objection,
/// ChangeKind the penholder choosing what the text is, AdoptAtMeeting the president reading an agreed statement at a session.
/// </summary>
public enum DraftAction
{
    Revise,
    Comment,
    Amend,
    DecideAmendment,
    Circulate,
    StartSilence,
    BreakSilence,
    ExtendSilence,
    ConcludeSilence,
    PutInBlue,
    Withdraw,
    OpenVote,
    CloseVote,
    ChangeKind,
    AdoptAtMeeting,
}
