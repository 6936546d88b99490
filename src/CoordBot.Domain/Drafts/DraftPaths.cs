namespace CoordBot.Domain.Drafts;

/// <summary>
/// Which procedures a kind of text goes through (domain.md, "Kinds of text and how each is agreed"), on top of the
/// state machine: a resolution may go under silence, is put in blue and voted; a presidential statement is agreed by
/// consensus under silence and adopted when the president reads it at a meeting; a press statement is adopted when
/// its silence ends with no objection, and so is a committee's decision under the no-objection procedure. Neither
/// statement nor a decision is put in blue or voted; a resolution is never "read out".
/// </summary>
public static class DraftPaths
{
    /// <summary>Whether the kind of text allows <paramref name="action"/> at all, whatever its state.</summary>
    public static Verdict ForKind(DraftKind kind, DraftAction action, string draft = "the draft") => (kind, action) switch
    {
        (DraftKind.Resolution, DraftAction.AdoptAtMeeting) =>
            Verdict.Refused(ReasonCode.ResolutionNotRead, draft),
        (DraftKind.PresidentialStatement, DraftAction.PutInBlue or DraftAction.OpenVote or DraftAction.CloseVote) =>
            Verdict.Refused(ReasonCode.PrstNotVoted, draft),
        (DraftKind.PressStatement, DraftAction.PutInBlue or DraftAction.OpenVote or DraftAction.CloseVote) =>
            Verdict.Refused(ReasonCode.PressNotVoted, draft),
        (DraftKind.PressStatement, DraftAction.AdoptAtMeeting) =>
            Verdict.Refused(ReasonCode.PressNotRead, draft),
        (DraftKind.Decision, DraftAction.PutInBlue or DraftAction.OpenVote or DraftAction.CloseVote) =>
            Verdict.Refused(ReasonCode.DecisionNotVoted, draft),
        (DraftKind.Decision, DraftAction.AdoptAtMeeting) =>
            Verdict.Refused(ReasonCode.DecisionNotRead, draft),
        _ => Verdict.Allowed,
    };

    /// <summary>The kind's rule first, then the state machine's.</summary>
    public static Verdict Check(DraftKind kind, DraftStatus status, DraftAction action, string draft = "the draft")
    {
        var verdict = ForKind(kind, action, draft);
        return verdict.IsAllowed ? DraftStateMachine.Check(status, action, draft) : verdict;
    }

    /// <summary>
    /// The status after the action for this kind of text: as the state machine says, except that a press statement's or a
    /// decision's silence ending with no objection adopts it (there is nothing more to agree).
    /// </summary>
    public static Outcome<DraftStatus, Reason> Next(DraftKind kind, DraftStatus status, DraftAction action, bool? adopted = null, string draft = "the draft")
    {
        var verdict = ForKind(kind, action, draft);
        if (verdict.IsRefused)
        {
            return Outcome<DraftStatus, Reason>.Refuse(verdict.Reason!);
        }

        var next = DraftStateMachine.Next(status, action, adopted, draft);
        return kind is DraftKind.PressStatement or DraftKind.Decision && next.IsAccepted && next.Value == DraftStatus.AgreedUnderSilence
            ? Outcome<DraftStatus, Reason>.Accept(DraftStatus.Adopted)
            : next;
    }

    /// <summary>Whether reaching <paramref name="status"/> adopts the text, so that it receives its symbol.</summary>
    public static bool Adopts(DraftStatus status) => status == DraftStatus.Adopted;
}
