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

        // The same roles in the other official languages: arguments are also accepted in the user's language.
        ["chef"] = DelegationRole.Head,
        ["adjoint"] = DelegationRole.Deputy,
        ["conseiller"] = DelegationRole.Adviser,
        ["observateur"] = DelegationRole.Observer,
        ["jefe"] = DelegationRole.Head,
        ["adjunto"] = DelegationRole.Deputy,
        ["asesor"] = DelegationRole.Adviser,
        ["observador"] = DelegationRole.Observer,
        ["глава"] = DelegationRole.Head,
        ["заместитель"] = DelegationRole.Deputy,
        ["советник"] = DelegationRole.Adviser,
        ["наблюдатель"] = DelegationRole.Observer,
        ["团长"] = DelegationRole.Head,
        ["副团长"] = DelegationRole.Deputy,
        ["顾问"] = DelegationRole.Adviser,
        ["观察员"] = DelegationRole.Observer,
        ["رئيس"] = DelegationRole.Head,
        ["نائب"] = DelegationRole.Deputy,
        ["مستشار"] = DelegationRole.Adviser,
        ["مراقب"] = DelegationRole.Observer,
    };

    /// <summary>The role's name in <paramref name="language"/> (English: exactly <see cref="Describe(DelegationRole)"/>).</summary>
    public static string Describe(DelegationRole role, string language) =>
        Localization.Catalogue.Text(language, "Role." + role switch
        {
            DelegationRole.Head => "Head",
            DelegationRole.Deputy => "Deputy",
            DelegationRole.Adviser => "Adviser",
            DelegationRole.Observer => "Observer",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without a name"),
        });

    public static string Describe(DelegationRole role) => role switch
    {
        DelegationRole.Head => "head of delegation",
        DelegationRole.Deputy => "deputy",
        DelegationRole.Adviser => "adviser",
        DelegationRole.Observer => "observer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without a name"),
    };
}
