using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Drafts;

/// <summary>
/// Settings of adopted texts' symbols (section <c>Symbols</c>): the next numbers, for a council whose series did not start
/// with the bot (the Security Council was past resolution 2800 in 2025). A configured number lower than one already given
/// is passed over: a symbol is never given twice.
/// </summary>
public sealed class SymbolsOptions
{
    public const string Section = "Symbols";

    /// <summary>The next resolution's number (<c>S/RES/&lt;n&gt; (&lt;year&gt;)</c>).</summary>
    public int? NextResolution { get; set; }

    /// <summary>The next press statement's press release number (<c>SC/&lt;n&gt;</c>).</summary>
    public int? NextPressStatement { get; set; }

    /// <summary>The next presidential statement as <c>&lt;year&gt;/&lt;n&gt;</c> (<c>2026/12</c>): its series starts again each year, so another year's setting is ignored.</summary>
    public string? NextPresidentialStatement { get; set; }

    /// <summary>The configured next number of <paramref name="kind"/>'s series in <paramref name="year"/>, if any.</summary>
    public int? NextFor(Domain.Drafts.DraftKind kind, int year) => kind switch
    {
        Domain.Drafts.DraftKind.Resolution => NextResolution,
        Domain.Drafts.DraftKind.PressStatement => NextPressStatement,
        _ => TryReadYearAndNumber(NextPresidentialStatement, out var y, out var n) && y == year ? n : null,
    };

    internal static bool TryReadYearAndNumber(string? text, out int year, out int number)
    {
        year = number = 0;
        var parts = text?.Split('/') ?? [];
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1945 and <= 9999
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;
    }
}

internal sealed class SymbolsOptionsValidator : IValidateOptions<SymbolsOptions>
{
    public ValidateOptionsResult Validate(string? name, SymbolsOptions options)
    {
        var errors = new List<string>();
        if (options.NextResolution is < 1)
        {
            errors.Add($"Symbols:NextResolution is {options.NextResolution}: write the number the next resolution will have, 1 or more (for example 2801).");
        }

        if (options.NextPressStatement is < 1)
        {
            errors.Add($"Symbols:NextPressStatement is {options.NextPressStatement}: write the number of the next press release, 1 or more (for example 16250 for SC/16250).");
        }

        if (options.NextPresidentialStatement is { Length: > 0 } prst && !SymbolsOptions.TryReadYearAndNumber(prst, out _, out _))
        {
            errors.Add($"Symbols:NextPresidentialStatement is \"{prst}\": write the year and the next number, such as 2026/12 for S/PRST/2026/12.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
