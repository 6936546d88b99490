using Microsoft.Extensions.Options;

namespace CoordBot.Scheduling;

/// <summary>Says exactly what is wrong with the schedule's database, which a data annotation cannot.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options) =>
        SchedulingDatabase.Problem(options.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
