using CoordBot.Domain.Council;

namespace CoordBot.Domain.Input;

/// <summary>
/// Reads a delegation as people name it where a code is expected: the code in any case (<c>fra</c>), the
/// member's name (<c>France</c>, <c>United Kingdom</c>) or a common short name (<c>UK</c>, <c>US</c>,
/// <c>Russia</c>, <c>Vietnam</c>). Whether the code belongs to the configured council stays the caller's question. Pure.
/// </summary>
public static class DelegationNames
{
    /// <summary>The longest name, in words, worth trying ("Saint Vincent and the Grenadines").</summary>
    public const int MaxWords = 5;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UK"] = "GBR",
        ["Britain"] = "GBR",
        ["Great Britain"] = "GBR",
        ["US"] = "USA",
        ["United States of America"] = "USA",
        ["America"] = "USA",
        ["Russia"] = "RUS",
        ["Vietnam"] = "VNM",
        ["St Vincent"] = "VCT",
        ["Saint Vincent"] = "VCT",
        ["St Vincent and the Grenadines"] = "VCT",
        ["Dominican Rep"] = "DOM",
        ["PRC"] = "CHN",
    };

    private static readonly Dictionary<string, string> Names = CouncilPresets.SecurityCouncil2020.Members
        .ToDictionary(m => m.Name, m => m.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The code a name or alias stands for, or null (a code itself is returned by nobody here: it is read as typed).</summary>
    public static string? CodeOf(string phrase, CouncilDefinition? council = null)
    {
        var key = string.Join(' ', (phrase ?? string.Empty).Replace('.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (key.Length == 0)
        {
            return null;
        }

        if (council?.Members.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase)) is { } member)
        {
            return member.Code;
        }

        return Names.TryGetValue(key, out var code) ? code : Aliases.TryGetValue(key, out var alias) ? alias : null;
    }
}
