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

    /// <summary>A member places a hold under the no-objection procedure: the deadline stops, the draft stays under silence.</summary>
    HoldSilence,

    /// <summary>The holder lifts its hold: the deadline resumes.</summary>
    LiftSilence,

    /// <summary>The penholder changes the kind of text (resolution, presidential statement, press statement).</summary>
    ChangeKind,

    /// <summary>The chair records a presidential statement as read at a meeting: adopted.</summary>
    AdoptAtMeeting,
}
