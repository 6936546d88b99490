using Microsoft.Extensions.Options;

namespace CoordBot.Operations;

internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var failures = new OptionFailures(OperationsOptions.Section);
        if (options.IsEnabled && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add(nameof(options.Url), $"must be an http address such as http://127.0.0.1:8090 (or empty to turn the endpoint off), not '{options.Url}'");
        }

        failures.Range(nameof(options.StallThreshold), options.StallThreshold, TimeSpan.FromSeconds(5), TimeSpan.FromDays(7));
        return failures.Result;
    }
}

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new OptionFailures(RetentionOptions.Section);
        var tenYears = TimeSpan.FromDays(3650);
        failures.Range(nameof(options.ProcessedUpdates), options.ProcessedUpdates, TimeSpan.FromHours(1), tenYears);
        failures.Range(nameof(options.SentMessages), options.SentMessages, TimeSpan.FromHours(1), tenYears);
        failures.Range(nameof(options.ExpiredInvitations), options.ExpiredInvitations, TimeSpan.Zero, tenYears);
        failures.Range(nameof(options.Interval), options.Interval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        return failures.Result;
    }
}
