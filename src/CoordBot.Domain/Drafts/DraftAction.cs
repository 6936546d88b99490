namespace CoordBot.Domain.Drafts;

/// <summary>Everything that can happen to a draft; ConcludeSilence is the silence deadline passing with no objection.</summary>
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

    /// <summary>A member places a hold under the no-objection procedure: the deadline stops, the draft stays under silence.</summary>
    HoldSilence,

    /// <summary>The holder lifts its hold: the deadline resumes.</summary>
    LiftSilence,
}
