using CoordBot.Domain.Membership;

namespace CoordBot.Features.Delegations;

/// <summary>A redeemed invitation: the new membership, and who invited.</summary>
public sealed record Joined(string DelegationCode, DelegationRole Role, long InvitedBy);

/// <summary>Why an invitation was not redeemed; <see cref="DelegationCode"/> names the delegation concerned where the reply names one.</summary>
public sealed record JoinRefusal(JoinRefusalCode Code, string? DelegationCode = null);

public enum JoinRefusalCode
{
    NotPrivate,
    UnknownToken,
    AlreadyUsed,
    Expired,
    AlreadyMemberThere,
    MemberElsewhere,
    HeadTaken,
}
