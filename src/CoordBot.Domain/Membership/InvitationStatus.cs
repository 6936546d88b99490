namespace CoordBot.Domain.Membership;

public enum InvitationStatus
{
    Valid,
    Expired,
    AlreadyUsed,
}
