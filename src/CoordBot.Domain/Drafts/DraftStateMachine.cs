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
    public static Result<DraftStatus> Next(DraftStatus status, DraftAction action, bool? adopted = null, string draft = "the draft")
    {
        if (action == DraftAction.CloseVote && status == DraftStatus.Voting && adopted is null)
        {
            throw new ArgumentException("Closing a vote needs its result.", nameof(adopted));
        }

        var (verdict, next) = Evaluate(status, action, draft, adopted);
        return verdict.IsAllowed ? Result.Ok(next) : Result.Fail<DraftStatus>(verdict.Reason!);
    }

    private static (Verdict Verdict, DraftStatus Next) Evaluate(DraftStatus status, DraftAction action, string draft, bool? adopted)
    {
        (Verdict, DraftStatus) Stay() => (Verdict.Allowed, status);
        (Verdict, DraftStatus) To(DraftStatus next) => (Verdict.Allowed, next);
        (Verdict, DraftStatus) No(string reason) => (Verdict.Refused(reason), status);

        switch (status)
        {
            case DraftStatus.Adopted:
                return No($"{draft} was adopted: it can no longer change");
            case DraftStatus.NotAdopted:
                return No($"{draft} was not adopted: it can no longer change");
            case DraftStatus.Withdrawn:
                return No($"{draft} was withdrawn");
            case DraftStatus.Voting:
                return action switch
                {
                    DraftAction.CloseVote => To(adopted == true ? DraftStatus.Adopted : DraftStatus.NotAdopted),
                    DraftAction.Withdraw => No("voting has started: a draft cannot be withdrawn"),
                    DraftAction.OpenVote => No($"voting on {draft} is already open"),
                    _ => No($"voting has started: {draft} and its text can no longer change"),
                };
        }

        return action switch
        {
            DraftAction.Comment or DraftAction.Circulate => Stay(),
            DraftAction.Withdraw => To(DraftStatus.Withdrawn),
            DraftAction.CloseVote => No($"no vote is open on {draft}"),

            DraftAction.Revise or DraftAction.Amend or DraftAction.DecideAmendment => status switch
            {
                DraftStatus.Negotiation => Stay(),
                DraftStatus.UnderSilence => No(action == DraftAction.Amend
                    ? $"{draft} is under silence: to propose a change, break silence"
                    : $"{draft} is under silence: changing its text is not allowed; the silence must be broken first"),
                DraftStatus.AgreedUnderSilence => No($"{draft} was agreed under silence: its text is final"),
                _ => No($"{draft} is in blue: its text is locked"),
            },

            DraftAction.StartSilence => status == DraftStatus.Negotiation
                ? To(DraftStatus.UnderSilence)
                : No(status == DraftStatus.UnderSilence ? $"{draft} is already under silence" : $"{draft} is past negotiation: silence can be started only on a text under negotiation"),
            DraftAction.BreakSilence => status == DraftStatus.UnderSilence
                ? To(DraftStatus.Negotiation)
                : No($"{draft} is not under silence"),
            DraftAction.ExtendSilence or DraftAction.HoldSilence or DraftAction.LiftSilence => status == DraftStatus.UnderSilence
                ? Stay()
                : No($"{draft} is not under silence"),
            DraftAction.ConcludeSilence => status == DraftStatus.UnderSilence
                ? To(DraftStatus.AgreedUnderSilence)
                : No($"{draft} is not under silence"),

            DraftAction.PutInBlue => status switch
            {
                DraftStatus.Negotiation or DraftStatus.AgreedUnderSilence => To(DraftStatus.InBlue),
                DraftStatus.UnderSilence => No($"{draft} is under silence: wait for the deadline or break silence first"),
                _ => No($"{draft} is already in blue"),
            },
            DraftAction.OpenVote => status == DraftStatus.InBlue
                ? To(DraftStatus.Voting)
                : No($"{draft} must be put in blue before the vote"),
            DraftAction.ChangeKind => status == DraftStatus.Negotiation
                ? Stay()
                : No($"what {draft} is can change only while it is under negotiation"),
            DraftAction.AdoptAtMeeting => status == DraftStatus.AgreedUnderSilence
                ? To(DraftStatus.Adopted)
                : No($"{draft} has not been agreed: it is read at a meeting once agreed under silence"),

            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}
