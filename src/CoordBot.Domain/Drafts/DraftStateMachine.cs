namespace CoordBot.Domain.Drafts;

/// <summary>
/// The life of a draft: negotiation, optionally silence, in blue (text locked), vote, result; or withdrawal
/// before the vote. Decisions beyond the domain text:
/// a broken silence returns the draft to negotiation; a text agreed under silence is final (that is how
/// press statements are adopted) but may still be put in blue and voted, as 2020 resolutions were;
/// comments (which never change the text) are allowed until the vote opens; what a text is (its kind) may change
/// only under negotiation; a text agreed under silence may be adopted by being read at a meeting. Which of these
/// paths a kind of text may take is <see cref="DraftPaths"/>'s rule, on top of this one.
/// </summary>
public static class DraftStateMachine
{
    public static Verdict Check(DraftStatus status, DraftAction action, string draft = "the draft") =>
        Evaluate(status, action, draft, adopted: null).Verdict;

    /// <summary>The status after the action; <paramref name="adopted"/> is the result, needed only to close a vote.</summary>
    public static Outcome<DraftStatus, Reason> Next(DraftStatus status, DraftAction action, bool? adopted = null, string draft = "the draft")
    {
        if (action == DraftAction.CloseVote && status == DraftStatus.Voting && adopted is null)
        {
            throw new ArgumentException("Closing a vote needs its result.", nameof(adopted));
        }

        var (verdict, next) = Evaluate(status, action, draft, adopted);
        return verdict.IsAllowed ? Outcome<DraftStatus, Reason>.Accept(next) : Outcome<DraftStatus, Reason>.Refuse(verdict.Reason!);
    }

    private static (Verdict Verdict, DraftStatus Next) Evaluate(DraftStatus status, DraftAction action, string draft, bool? adopted)
    {
        (Verdict, DraftStatus) Stay() => (Verdict.Allowed, status);
        (Verdict, DraftStatus) To(DraftStatus next) => (Verdict.Allowed, next);
        (Verdict, DraftStatus) No(ReasonCode code, params object[] args) => (Verdict.Refused(code, args), status);

        switch (status)
        {
            case DraftStatus.Adopted:
                return No(ReasonCode.DraftAdopted, draft);
            case DraftStatus.NotAdopted:
                return No(ReasonCode.DraftNotAdopted, draft);
            case DraftStatus.Withdrawn:
                return No(ReasonCode.DraftWithdrawn, draft);
            case DraftStatus.Voting:
                return action switch
                {
                    DraftAction.CloseVote => To(adopted == true ? DraftStatus.Adopted : DraftStatus.NotAdopted),
                    DraftAction.Withdraw => No(ReasonCode.DraftVotingNoWithdraw),
                    DraftAction.OpenVote => No(ReasonCode.DraftVotingOpen, draft),
                    _ => No(ReasonCode.DraftVotingStarted, draft),
                };
        }

        return action switch
        {
            DraftAction.Comment or DraftAction.Circulate => Stay(),
            DraftAction.Withdraw => To(DraftStatus.Withdrawn),
            DraftAction.CloseVote => No(ReasonCode.DraftNoVoteOpen, draft),

            DraftAction.Revise or DraftAction.Amend or DraftAction.DecideAmendment => status switch
            {
                DraftStatus.Negotiation => Stay(),
                DraftStatus.UnderSilence => No(action == DraftAction.Amend ? ReasonCode.DraftSilenceAmend : ReasonCode.DraftSilenceChange, draft),
                DraftStatus.AgreedUnderSilence => No(ReasonCode.DraftAgreedFinal, draft),
                _ => No(ReasonCode.DraftInBlueLocked, draft),
            },

            DraftAction.StartSilence => status == DraftStatus.Negotiation
                ? To(DraftStatus.UnderSilence)
                : No(status == DraftStatus.UnderSilence ? ReasonCode.DraftAlreadySilence : ReasonCode.DraftPastNegotiation, draft),
            DraftAction.BreakSilence => status == DraftStatus.UnderSilence
                ? To(DraftStatus.Negotiation)
                : No(ReasonCode.DraftNotSilence, draft),
            DraftAction.ExtendSilence or DraftAction.HoldSilence or DraftAction.LiftSilence => status == DraftStatus.UnderSilence
                ? Stay()
                : No(ReasonCode.DraftNotSilence, draft),
            DraftAction.ConcludeSilence => status == DraftStatus.UnderSilence
                ? To(DraftStatus.AgreedUnderSilence)
                : No(ReasonCode.DraftNotSilence, draft),

            DraftAction.PutInBlue => status switch
            {
                DraftStatus.Negotiation or DraftStatus.AgreedUnderSilence => To(DraftStatus.InBlue),
                DraftStatus.UnderSilence => No(ReasonCode.DraftSilenceBlue, draft),
                _ => No(ReasonCode.DraftAlreadyBlue, draft),
            },
            DraftAction.OpenVote => status == DraftStatus.InBlue
                ? To(DraftStatus.Voting)
                : No(ReasonCode.DraftBlueFirst, draft),
            DraftAction.ChangeKind => status == DraftStatus.Negotiation
                ? Stay()
                : No(ReasonCode.KindFixed, draft),
            DraftAction.AdoptAtMeeting => status == DraftStatus.AgreedUnderSilence
                ? To(DraftStatus.Adopted)
                : No(ReasonCode.NotAgreed, draft),

            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}
