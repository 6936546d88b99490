namespace CoordBot.Domain.Membership;

/// <summary>Who is asking: an operator of the bot, a member of a delegation in some role, or neither.</summary>
public sealed record Actor(bool IsOperator, string? DelegationCode, DelegationRole? Role)
{
    public static Actor Operator { get; } = new(true, null, null);

    public static Actor Stranger { get; } = new(false, null, null);

    public static Actor Member(string delegationCode, DelegationRole role) => new(false, delegationCode, role);

    public bool Belongs(string delegationCode) =>
        DelegationCode is not null && string.Equals(DelegationCode, delegationCode, StringComparison.Ordinal);

    public bool Is(params DelegationRole[] roles) => Role is { } role && roles.Contains(role);
}
