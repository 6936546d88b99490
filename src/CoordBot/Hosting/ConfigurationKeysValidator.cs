using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CoordBot;

/// <summary>
/// Data-annotation checks of an options class, reported by configuration key
/// ("Delivery:GlobalPerSecond must be between 1 and 100000") so an operator knows what to fix.
/// </summary>
public sealed class ConfigurationKeysValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault() ?? "?";
            var message = r.ErrorMessage ?? "is not valid";
            // "The field X must be between 1 and 10." -> "Section:X must be between 1 and 10."
            var prefix = $"The field {member} ";
            if (message.StartsWith($"{section}:", StringComparison.Ordinal))
            {
                return message.TrimEnd('.');
            }

            return message.StartsWith(prefix, StringComparison.Ordinal)
                ? $"{section}:{member} {message[prefix.Length..].TrimEnd('.')}"
                : $"{section}:{member}: {message.TrimEnd('.')}";
        }));
    }
}

public static class ConfigurationKeysValidation
{
    /// <summary>Like ValidateDataAnnotations, with messages that name the configuration key.</summary>
    public static OptionsBuilder<TOptions> ValidateKeys<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeysValidator<TOptions>(section));
        return builder;
    }
}
