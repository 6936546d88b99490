using CoordBot.Features.Deadlines;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Drafts;

/// <summary>Settings of the drafts feature (section <c>Drafts</c>).</summary>
public sealed class DraftsOptions
{
    public const string Section = "Drafts";

    public static readonly IReadOnlyList<TimeSpan> DefaultSilenceWarnings = [TimeSpan.FromHours(2)];

    /// <summary>
    /// How long before a silence ends everyone on the circulation list is told when it ends (<c>Drafts:SilenceWarnings:0 = 02:00:00</c>).
    /// Text, as <see cref="Sessions.SessionsOptions.Reminders"/>: a configured list replaces the default; <c>[""]</c> sends none.
    /// </summary>
    public string[]? SilenceWarnings { get; set; }

    public IReadOnlyList<TimeSpan> SilenceWarningOffsets => WarningOffsets.Read(SilenceWarnings, DefaultSilenceWarnings);
}

internal sealed class DraftsOptionsValidator : IValidateOptions<DraftsOptions>
{
    public ValidateOptionsResult Validate(string? name, DraftsOptions options)
    {
        var errors = new List<string>();
        WarningOffsets.Validate("Drafts:SilenceWarnings", options.SilenceWarnings, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
