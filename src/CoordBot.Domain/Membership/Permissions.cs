using CoordBot.Domain.Sessions;

namespace CoordBot.Domain.Membership;

/// <summary>Who may do what; every refusal is a <see cref="Reason"/> that names the role that would be needed.</summary>
public static class Permissions
{
    /// <summary>
    /// Operators invite anyone. A head names the deputy (domain: "may name a deputy") and, with the deputy,
    /// brings in advisers and observers of the own delegation. Heads are named only by an operator.
    /// </summary>
    public static Verdict MayInvite(Actor actor, string delegationCode, DelegationRole role)
    {
        if (actor.IsOperator)
        {
            return Verdict.Allowed;
        }

        if (role == DelegationRole.Head)
        {
            return Verdict.Refused(ReasonCode.OperatorNamesHead);
        }

        if (!actor.Is(DelegationRole.Head, DelegationRole.Deputy))
        {
            return Verdict.Refused(ReasonCode.InvitingNeedsHead);
        }

        if (!actor.Belongs(delegationCode))
        {
            return Verdict.Refused(ReasonCode.InviteOwnDelegation, actor.DelegationCode!);
        }

        return role == DelegationRole.Deputy && !actor.Is(DelegationRole.Head)
            ? Verdict.Refused(ReasonCode.DeputyNamedByHead)
            : Verdict.Allowed;
    }

    /// <summary>
    /// Operators remove anyone. Within a delegation the head removes the deputy, advisers and observers;
    /// the deputy removes advisers and observers. Nobody but an operator removes a head.
    /// </summary>
    public static Verdict MayRemove(Actor actor, string delegationCode, DelegationRole role)
    {
        if (actor.IsOperator)
        {
            return Verdict.Allowed;
        }

        if (role == DelegationRole.Head)
        {
            return Verdict.Refused(ReasonCode.OperatorRemovesHead);
        }

        if (!actor.Is(DelegationRole.Head, DelegationRole.Deputy))
        {
            return Verdict.Refused(ReasonCode.RemovingNeedsHead);
        }

        if (!actor.Belongs(delegationCode))
        {
            return Verdict.Refused(ReasonCode.RemoveOwnDelegation, actor.DelegationCode!);
        }

        return role == DelegationRole.Deputy && !actor.Is(DelegationRole.Head)
            ? Verdict.Refused(ReasonCode.DeputyRemovedByHead)
            : Verdict.Allowed;
    }

    /// <summary>One vote per delegation, cast by its head or, in the head's place, the deputy; an operator never votes.</summary>
    public static Verdict MayVote(Actor actor, string delegationCode)
    {
        if (!actor.Is(DelegationRole.Head, DelegationRole.Deputy))
        {
            return Verdict.Refused(ReasonCode.VotingNeedsHead);
        }

        return actor.Belongs(delegationCode)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.VoteOwnDelegation, actor.DelegationCode!);
    }

    public static Verdict MayReadDrafts(Actor actor) => DelegationWork(actor, Domain.DelegationWork.ReadingDrafts);

    public static Verdict MayComment(Actor actor) => DelegationWork(actor, Domain.DelegationWork.Commenting);

    public static Verdict MayProposeAmendment(Actor actor) => DelegationWork(actor, Domain.DelegationWork.ProposingAmendments);

    public static Verdict MayCreateDraft(Actor actor) => DelegationWork(actor, Domain.DelegationWork.CreatingADraft);

    /// <summary>Only a penholder delegation (or co-penholder) revises a draft and decides on its amendments.</summary>
    public static Verdict MayRevise(Actor actor, IReadOnlyCollection<string> penholders)
    {
        var work = DelegationWork(actor, Domain.DelegationWork.RevisingADraft);
        if (work.IsRefused)
        {
            return work;
        }

        return penholders.Contains(actor.DelegationCode!)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.PenholderRevises);
    }

    /// <summary>
    /// Chair business (schedule, agenda, opening votes, announcing results): the head or deputy of the
    /// presiding delegation. An operator may stand in, so that the council is not stuck when the
    /// presidency has not yet joined the bot.
    /// </summary>
    public static Verdict MayChair(Actor actor, string presidentCode)
    {
        if (actor.IsOperator)
        {
            return Verdict.Allowed;
        }

        return actor.Is(DelegationRole.Head, DelegationRole.Deputy) && actor.Belongs(presidentCode)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.ForPresidency, presidentCode);
    }

    /// <summary>Everyone, members or not: greeting, help, one's own settings.</summary>
    public static Verdict Anyone(Actor actor) => Verdict.Allowed;

    /// <summary>Council business that any member of a delegation (any role) or an operator may read.</summary>
    public static Verdict MaySeeCouncilBusiness(Actor actor) =>
        actor.IsOperator || actor.DelegationCode is not null
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.NotAMember);

    /// <summary>Administration of the bot itself (presidency overrides and the like).</summary>
    public static Verdict MayOperate(Actor actor) =>
        actor.IsOperator ? Verdict.Allowed : Verdict.Refused(ReasonCode.OperatorOnly);

    /// <summary>
    /// Whether someone may ask for invitations at all (before the delegation and role asked for are known):
    /// operators, and heads and deputies for their own delegation; <see cref="MayInvite"/> decides the rest.
    /// </summary>
    public static Verdict MayInviteSomeone(Actor actor) =>
        actor.IsOperator || actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.InvitingNeedsHead);

    /// <summary>
    /// Whether someone may end memberships at all: operators, and heads for their own delegation
    /// (<see cref="MayRemove"/> decides about the one member named). Deputies are turned away at the door, so
    /// that nobody but a head or an operator can probe who belongs where.
    /// </summary>
    public static Verdict MayRemoveSomeone(Actor actor) =>
        actor.IsOperator || actor.Is(DelegationRole.Head)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.EndMembership);

    /// <summary>A delegation's group is linked by its head or deputy.</summary>
    public static Verdict MayLinkGroup(Actor actor) =>
        actor.Is(DelegationRole.Head, DelegationRole.Deputy) && actor.DelegationCode is not null
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.LinkGroup);

    /// <summary>A linked group's language is chosen by an operator, or by the head or deputy of the group's own delegation.</summary>
    public static Verdict MayChooseGroupLanguage(Actor actor, string groupDelegationCode) =>
        actor.IsOperator || (actor.Is(DelegationRole.Head, DelegationRole.Deputy) && actor.Belongs(groupDelegationCode))
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.GroupLanguageNeedsHead);

    /// <summary>A person belongs to one delegation at a time, so a member cannot join with another invitation.</summary>
    public static Verdict MayJoin(Actor actor) =>
        actor.DelegationCode is null
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.AlreadyMember);

    /// <summary>The head or deputy of any delegation (votes, attendance, breaking silence, convening Arria meetings).</summary>
    public static Verdict IsHeadOrDeputy(Actor actor) =>
        actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.NeedsHead);

    /// <summary>
    /// The door rule of chair commands (<see cref="MayChair"/>), when the presiding delegation may be unknown
    /// (no presidency yet): the reason tells the person where to look rather than naming a delegation.
    /// </summary>
    public static Verdict MayActAsChair(Actor actor, string? presidentCode) =>
        actor.IsOperator || (presidentCode is not null && MayChair(actor, presidentCode).IsAllowed)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.PresidentOnly);


    // The substantive work of a delegation; observers and briefers take part only in Arria meetings.
    private static Verdict DelegationWork(Actor actor, DelegationWork what) =>
        actor.Is(DelegationRole.Head, DelegationRole.Deputy, DelegationRole.Adviser)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.NeedsMember, what);

    // ---- Sessions and agenda (rules the Sessions and Agenda commands declare) ----

    /// <summary>
    /// The door of the commands that run sessions and agendas (schedule, move, cancel, agenda items, the floor):
    /// the chair (<see cref="MayActAsChair"/>), or a head or deputy, who convenes Arria-formula meetings. Whether
    /// this person runs THIS session is decided after the lookup.
    /// </summary>
    public static Verdict MayRunSessions(Actor actor, string? presidentCode) =>
        MayActAsChair(actor, presidentCode).IsAllowed || actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.ChairOrArria);

    /// <summary>A delegation's answer to a session is given by its head or deputy, for its own delegation.</summary>
    public static Verdict MayAnswerAttendance(Actor actor) =>
        actor.DelegationCode is not null && actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.AnswersForDelegation);

    /// <summary>
    /// Who sees a session: members of delegations (head, deputy, adviser) see every one; observers and briefers are
    /// invited to Arria-formula meetings only. A session nobody may see is answered as missing.
    /// </summary>
    public static Verdict MaySeeSession(Actor actor, SessionFormat format) =>
        actor.IsOperator || (actor.DelegationCode is not null && (!actor.Is(DelegationRole.Observer) || SessionFormats.AdmitsObservers(format)))
            ? Verdict.Allowed
            : ForMembers(actor, Verdict.Refused(ReasonCode.ObserversSeeArriaOnly));

    /// <summary>
    /// Who runs THIS session: the chair (<see cref="MayActAsChair"/>), or, for an Arria-formula meeting, also the head or
    /// deputy of its convening delegation.
    /// </summary>
    public static Verdict MayManageSession(Actor actor, string? presidentCode, SessionFormat format, string? convenorCode)
    {
        var chair = MayActAsChair(actor, presidentCode);
        if (chair.IsAllowed || format != SessionFormat.Arria)
        {
            return chair;
        }

        return convenorCode is not null && actor.Is(DelegationRole.Head, DelegationRole.Deputy) && actor.Belongs(convenorCode)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.ChairOrArria);
    }

    /// <summary>Heads, deputies and advisers speak for the delegation (observers do not).</summary>
    public static Verdict MaySpeakForDelegation(Actor actor) =>
        actor.DelegationCode is not null && actor.Is(DelegationRole.Head, DelegationRole.Deputy, DelegationRole.Adviser)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.SpeakForDelegation);

    // ---- Drafts (rules the Drafts commands declare; the penholder of THIS draft and who may read it are checked after the lookup) ----

    /// <summary><c>/drafts</c>: an operator (the chair's overview), or those who read drafts; a non-member hears only that this is for members.</summary>
    public static Verdict MayListDrafts(Actor actor) => actor.IsOperator ? Verdict.Allowed : ForMembers(actor, MayReadDrafts(actor));

    /// <summary>Reading one draft, its versions and comments (<c>/draft</c>, <c>/diff</c>, <c>/comments</c>): heads, deputies and advisers.</summary>
    public static Verdict MayOpenDrafts(Actor actor) => ForMembers(actor, MayReadDrafts(actor));

    /// <summary><c>/draft_new</c>: heads, deputies and advisers; their delegation holds the pen.</summary>
    public static Verdict MayStartDraft(Actor actor) => ForMembers(actor, MayCreateDraft(actor));

    /// <summary><c>/comment</c> on a draft the delegation reads.</summary>
    public static Verdict MayCommentOnDrafts(Actor actor) => ForMembers(actor, MayComment(actor));

    /// <summary><c>/amend</c> a draft the delegation reads.</summary>
    public static Verdict MayAmendDrafts(Actor actor) => ForMembers(actor, MayProposeAmendment(actor));

    /// <summary>
    /// The penholder's commands (revise, circulate, decide amendments, put in blue, withdraw): only a head, deputy or
    /// adviser can hold a pen; whether their delegation holds THIS draft's pen is <see cref="MayRevise"/>.
    /// </summary>
    public static Verdict MayHoldPens(Actor actor) =>
        ForMembers(actor, actor.Is(DelegationRole.Head, DelegationRole.Deputy, DelegationRole.Adviser)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.PenholderOnly));

    /// <summary><c>/silence</c> at the door: the chair (who need not read the text), or someone who could hold the draft's pen.</summary>
    public static Verdict MayStartSilence(Actor actor, string? presidentCode) =>
        MayActAsChair(actor, presidentCode).IsAllowed || actor.Is(DelegationRole.Head, DelegationRole.Deputy, DelegationRole.Adviser)
            ? Verdict.Allowed
            : ForMembers(actor, Verdict.Refused(ReasonCode.SilenceStarters));

    /// <summary>Starting silence on THIS draft: the chair, or its penholder delegation.</summary>
    public static Verdict MayStartSilenceOn(Actor actor, string? presidentCode, IReadOnlyCollection<string> penholders) =>
        MayActAsChair(actor, presidentCode).IsAllowed || MayRevise(actor, penholders).IsAllowed
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.SilenceStarters);

    /// <summary><c>/breaksilence</c>: a delegation objects through its head or deputy.</summary>
    public static Verdict MayBreakSilence(Actor actor) =>
        ForMembers(actor, actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.BreakingSilence));

    /// <summary><c>/hold</c> and <c>/lift</c> (the no-objection procedure): a delegation holds a decision through its head or deputy.</summary>
    public static Verdict MayHold(Actor actor) =>
        ForMembers(actor, actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.Holding));

    // ---- Co-penholders and sponsors (issue 24 item 10): co-penholders do the penholder's work through MayRevise ----

    /// <summary><c>/sponsor</c> at the door: a delegation joins a draft's sponsors through its head or deputy.</summary>
    public static Verdict MaySponsorDrafts(Actor actor) =>
        ForMembers(actor, actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.SponsorNeedsHead));

    /// <summary>Sponsoring THIS draft: not a delegation that holds its pen (listed as such), nor one that sponsors it already.</summary>
    public static Verdict MaySponsor(Actor actor, IReadOnlyCollection<string> penholders, IReadOnlyCollection<string> sponsors)
    {
        var door = MaySponsorDrafts(actor);
        if (door.IsRefused)
        {
            return door;
        }

        return penholders.Contains(actor.DelegationCode!)
            ? Verdict.Refused(ReasonCode.SponsorIsPenholder)
            : sponsors.Contains(actor.DelegationCode!)
                ? Verdict.Refused(ReasonCode.AlreadySponsor)
                : Verdict.Allowed;
    }

    /// <summary>
    /// Naming a co-penholder of THIS draft: only the lead penholder delegation (a co-penholder does not name others), and
    /// only a delegation that does not hold the pen already.
    /// </summary>
    public static Verdict MayNameCoPenholder(Actor actor, string leadPenholder, string candidate, IReadOnlyCollection<string> penholders)
    {
        var work = MayRevise(actor, penholders);
        if (work.IsRefused)
        {
            return work;
        }

        return actor.DelegationCode != leadPenholder
            ? Verdict.Refused(ReasonCode.OnlyLeadNames, leadPenholder)
            : penholders.Contains(candidate)
                ? Verdict.Refused(ReasonCode.AlreadyPenholder, candidate)
                : Verdict.Allowed;
    }


    // A non-member (nor operator) hears the one sentence for non-members, whatever the command: it names no draft and no role.
    private static Verdict ForMembers(Actor actor, Verdict verdict) =>
        actor.IsOperator || actor.DelegationCode is not null ? verdict : Verdict.Refused(ReasonCode.NotAMember);

    // ---- Voting (rules the Voting commands declare; VotingService applies MayVote to every ballot) ----

    /// <summary>
    /// An explanation of vote is given by whoever may vote for the delegation (<see cref="MayVote"/>); whether the
    /// delegation is one of THIS vote is decided after the lookup. A non-member learns nothing about votes.
    /// </summary>
    public static Verdict MayExplainVote(Actor actor)
    {
        if (actor.DelegationCode is { } code && MayVote(actor, code).IsAllowed)
        {
            return Verdict.Allowed;
        }

        return actor.IsOperator || actor.DelegationCode is not null
            ? Verdict.Refused(ReasonCode.OnlyVotersExplain)
            : Verdict.Refused(ReasonCode.NotAMember);
    }

    /// <summary>
    /// Who may cast a delegation's ballot (the ballot buttons): its head or deputy. Anyone else, an operator or a stranger
    /// included, is told the ballot was not recorded and why; the attempt is still logged in the vote's chain.
    /// </summary>
    public static Verdict MayCastBallot(Actor actor) =>
        actor.DelegationCode is not null && actor.Is(DelegationRole.Head, DelegationRole.Deputy)
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.NotAVoter);

    /// <summary><c>/vote</c> at the door: <see cref="MayCastBallot"/>, except that a non-member hears only that this is for members.</summary>
    public static Verdict MayVoteByCommand(Actor actor) => ForMembers(actor, MayCastBallot(actor));

    /// <summary>
    /// The text voted on was opened to the delegations that voted, and an operator reads every record; anyone else
    /// reads it only as the draft itself allows (decided after the lookup).
    /// </summary>
    public static Verdict MayReadVotedText(Actor actor, IReadOnlyCollection<string> voting) =>
        actor.IsOperator || (actor.DelegationCode is { } code && voting.Contains(code))
            ? Verdict.Allowed
            : Verdict.Refused(ReasonCode.NeedsMember, Domain.DelegationWork.ReadingDrafts);

    /// <summary>
    /// The record of a vote holds the text voted on, so it is for those who read drafts (not observers) and
    /// operators; a non-member is told only that this is for members.
    /// </summary>
    public static Verdict MayReadVoteRecord(Actor actor) =>
        actor.IsOperator ? Verdict.Allowed
        : actor.DelegationCode is null ? Verdict.Refused(ReasonCode.NotAMember)
        : MayReadDrafts(actor);

}
