using CoordBot.Sandbox;
using Microsoft.Extensions.Options;

namespace CoordBot;

internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new OptionFailures(SandboxOptions.Section);
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add(nameof(options.Url), $"must be an http URL for the emulator to listen on, for example http://127.0.0.1:8081 (got \"{options.Url}\")");
        }

        if (options.OperatorId <= 0)
        {
            failures.Add(nameof(options.OperatorId), $"must be a Telegram user id, a positive number (got {options.OperatorId})");
        }

        failures.Range(nameof(options.CouncilDayPace), options.CouncilDayPace, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        return failures.Result;
    }
}
