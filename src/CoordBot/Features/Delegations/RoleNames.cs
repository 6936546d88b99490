using CoordBot.Domain.Membership;

namespace CoordBot.Features.Delegations;

internal static class RoleNames
{
    /// <summary>The words a role may be typed as (lower case), for <see cref="Telegram.Routing.ArgReader.Choice{T}"/>.</summary>
    public static readonly IReadOnlyDictionary<string, DelegationRole> Words = new Dictionary<string, DelegationRole>(StringComparer.Ordinal)
    {
        ["head"] = DelegationRole.Head,
        ["deputy"] = DelegationRole.Deputy,
        ["adviser"] = DelegationRole.Adviser,
        ["advisor"] = DelegationRole.Adviser,
        ["observer"] = DelegationRole.Observer,
    };

    public static string Describe(DelegationRole role) => role switch
    {
        DelegationRole.Head => "head of delegation",
        DelegationRole.Deputy => "deputy",
        DelegationRole.Adviser => "adviser",
        DelegationRole.Observer => "observer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without a name"),
    };
}
