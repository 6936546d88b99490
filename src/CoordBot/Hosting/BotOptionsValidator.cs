using Microsoft.Extensions.Options;

namespace CoordBot;

internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new OptionFailures(BotOptions.Section);
        for (var i = 0; i < options.Operators.Count; i++)
        {
            if (options.Operators[i] <= 0)
            {
                failures.Add($"{nameof(options.Operators)}:{i}", $"must be a Telegram user id, a positive number (got {options.Operators[i]})");
            }
        }

        return failures.Result;
    }
}
