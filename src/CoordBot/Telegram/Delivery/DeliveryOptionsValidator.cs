using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new OptionFailures(DeliveryOptions.Section);
        failures.Range(nameof(options.GlobalPerSecond), options.GlobalPerSecond, 1, 100_000);
        failures.Range(nameof(options.PrivatePerSecond), options.PrivatePerSecond, 0.01, 10_000);
        failures.Range(nameof(options.PrivateBurst), options.PrivateBurst, 1, 10_000);
        failures.Range(nameof(options.GroupPerMinute), options.GroupPerMinute, 1, 6000);
        failures.Range(nameof(options.PaidBroadcastPerSecond), options.PaidBroadcastPerSecond, 1, 1000);
        failures.Range(nameof(options.MaxAttempts), options.MaxAttempts, 1, 100);
        failures.Range(nameof(options.MaxConcurrency), options.MaxConcurrency, 1, 512);
        return failures.Result;
    }
}
