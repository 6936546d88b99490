namespace CoordBot.Domain.Membership;

/// <summary>Whether an invitation can still be redeemed, with a message for the person holding it.</summary>
public sealed record InvitationCheck(InvitationStatus Status, string Message)
{
    public bool CanRedeem => Status == InvitationStatus.Valid;
}
