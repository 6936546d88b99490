using CoordBot.Domain.Membership;

namespace CoordBot.Features.Delegations;

internal static class RoleNames
{
    public static string Describe(DelegationRole role) => role switch
    {
        DelegationRole.Head => "head of delegation",
        DelegationRole.Deputy => "deputy",
        DelegationRole.Adviser => "adviser",
        DelegationRole.Observer => "observer",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out DelegationRole role)
    {
        role = default;
        return text?.ToLowerInvariant() switch
        {
            "head" => Set(DelegationRole.Head, out role),
            "deputy" => Set(DelegationRole.Deputy, out role),
            "adviser" or "advisor" => Set(DelegationRole.Adviser, out role),
            "observer" => Set(DelegationRole.Observer, out role),
            _ => false,
        };
    }

    private static bool Set(DelegationRole value, out DelegationRole role)
    {
        role = value;
        return true;
    }
}
