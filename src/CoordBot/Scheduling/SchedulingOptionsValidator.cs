using Microsoft.Extensions.Options;

namespace CoordBot.Scheduling;

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    private static readonly TimeSpan ShortestMisfire = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestMisfire = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new OptionFailures(SchedulingOptions.Section);
        // On PostgreSQL a derived connection string is the bot's own, whose problems its own validator reports once.
        if (!(options.DerivedFromMain && options.Provider == CoordBot.Persistence.DatabaseProvider.PostgreSql)
            && SchedulingDatabase.Problem(options.ConnectionString, options.Provider) is { } problem)
        {
            // The database's message names its key itself (it may be derived from ConnectionStrings:CoordBot).
            return ValidateOptionsResult.Fail(problem);
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            failures.Add(nameof(options.InstanceName), "must not be empty: every Quartz row is keyed by it");
        }

        if (options.MisfireThreshold < ShortestMisfire || options.MisfireThreshold > LongestMisfire)
        {
            failures.Add(nameof(options.MisfireThreshold), $"must be between {ShortestMisfire} and {LongestMisfire} (got {options.MisfireThreshold})");
        }

        return failures.Result;
    }
}
