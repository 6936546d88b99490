namespace CoordBot.Domain.Membership;

/// <summary>A person's role in a delegation; observers and briefers are attached to a delegation but never vote.</summary>
public enum DelegationRole
{
    Head,
    Deputy,
    Adviser,
    Observer,
}
