namespace CoordBot.Domain;

/// <summary>
/// Why something was refused, as a code and the facts its words need; the domain knows no reader, so it writes no
/// words. The catalogue holds one text per code (key <c>Reason.</c> + the code's name, <c>{0}</c>, <c>{1}</c> for
/// <see cref="Args"/> in order), and one renderer (<c>Localization.Reasons</c>) words it in the reader's language.
/// An argument is a string (an id, a code, a name: shown as given), an <see cref="Amount"/> (a number written with
/// the language's grouping), or an enum value (worded from the catalogue: key <c>Reason.</c> + type + <c>.</c> + value).
/// </summary>
public sealed record Reason(ReasonCode Code, IReadOnlyList<object> Args)
{
    public static Reason Of(ReasonCode code, params object[] args) => new(code, args);

    // Arguments compare as written (invariant), so a position given as an int equals the same position read as a long.
    public bool Equals(Reason? other) => other is not null && Code == other.Code && Written(Args).SequenceEqual(Written(other.Args), StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);

    private static IEnumerable<string> Written(IReadOnlyList<object> args) => args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>For logs and test messages only; a reader gets the catalogue's words.</summary>
    public override string ToString() => Args.Count == 0 ? Code.ToString() : $"{Code}({string.Join(", ", Args)})";
}

/// <summary>A number that a reason shows with the reader's digit grouping ("200,004" in English).</summary>
public readonly record struct Amount(long Value);

/// <summary>The delegation work a role is needed for (<see cref="ReasonCode.NeedsMember"/>).</summary>
public enum DelegationWork
{
    ReadingDrafts,
    Commenting,
    ProposingAmendments,
    CreatingADraft,
    RevisingADraft,
}

/// <summary>
/// Every refusal the bot can give for a rule; the name is the catalogue key after <c>Reason.</c>. To add one: a member
/// here, its text in the six languages (English first, a clause without a final stop), and its row in the English
/// table of <c>ReasonCatalogueTests</c> (docs/localisation.md, "Adding a reason").
/// </summary>
public enum ReasonCode
{
    // Membership and the doors of commands (Permissions).
    AlreadyMember,
    AnswersForDelegation,
    ChairOrArria,
    DeputyNamedByHead,
    DeputyRemovedByHead,
    EndMembership,
    ForPresidency,
    InviteOwnDelegation,
    InvitingNeedsHead,
    LinkGroup,
    NeedsHead,
    NeedsMember,
    NotAMember,
    OperatorNamesHead,
    OperatorOnly,
    OperatorRemovesHead,
    PenholderRevises,
    PresidentOnly,
    RemoveOwnDelegation,
    RemovingNeedsHead,
    SpeakForDelegation,
    VoteOwnDelegation,
    VotingNeedsHead,
    OnlyVotersExplain,
    ArriaConvenedByMember,
    NotAVoter,
    GroupLanguageNeedsHead,
    ObserversSeeArriaOnly,

    // Ballots (BallotRules) and the ballot log's chain (BallotLog.Verify).
    VotingClosed,
    AlreadyVotedNoChange,
    AlreadyVotedYes,
    AlreadyVotedNo,
    AlreadyVotedAbstain,
    BallotLogSequence,
    BallotLogOtherVote,
    BallotLogUnlinked,
    BallotLogAltered,

    // Drafts: their life (DraftStateMachine), their penholders and sponsors (Permissions).
    DraftAdopted,
    DraftNotAdopted,
    DraftWithdrawn,
    DraftVotingNoWithdraw,
    DraftVotingOpen,
    DraftVotingStarted,
    DraftNoVoteOpen,
    DraftSilenceAmend,
    DraftSilenceChange,
    DraftAgreedFinal,
    DraftInBlueLocked,
    DraftAlreadySilence,
    DraftPastNegotiation,
    DraftNotSilence,
    DraftSilenceBlue,
    DraftAlreadyBlue,
    DraftBlueFirst,
    PenholderOnly,
    SilenceStarters,
    BreakingSilence,
    SponsorNeedsHead,
    SponsorIsPenholder,
    AlreadySponsor,
    OnlyLeadNames,
    AlreadyPenholder,

    // A draft's text as sent (the Drafts feature's input reader).
    DraftTextBoth,
    DraftFileType,
    DraftFileSizeUnknown,
    DraftFileTooBig,
    DraftFileLimit,
    DraftFileNotUtf8,
    DraftTextMissing,
    DraftTextTooLong,

    // The list of speakers (SpeakersList).
    SpeakersAlreadyOn,
    SpeakersHasFloor,
    SpeakersSpokeOnItem,
    SpeakersCannotWithdraw,
    SpeakersSpoken,
    SpeakersNotOn,
    SpeakersExhausted,

    // The agenda (AgendaTransitions, AgendaOrder).
    AgendaItemConcluded,
    AgendaCannotBecome,
    AgendaItemNotOn,
    AgendaPositionOutOfRange,

    // Committees: the no-objection procedure (issue 25).
    Holding,
    AlreadyHolds,
    HoldsNothing,
    NoObjectionDeadlinePassed,
    NoObjectionOver,

    // Kinds of text and their paths (issue 24 item 9).
    ResolutionNotRead,
    PrstNotVoted,
    PressNotVoted,
    PressNotRead,
    KindFixed,
    NotAgreed,

    // A committee's decision (wave 7): agreed only in writing, and the only kind a no-objection body uses.
    DecisionNotVoted,
    DecisionNotRead,
    DecisionsOnly,
    NoDecisions,
}
