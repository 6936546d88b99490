using CoordBot.Council;
using Microsoft.Extensions.Options;

namespace CoordBot;

/// <summary>Reads the council file at start, so a missing or invalid one stops the bot with its own message.</summary>
internal sealed class CouncilOptionsValidator : IValidateOptions<CouncilOptions>
{
    public ValidateOptionsResult Validate(string? name, CouncilOptions options)
    {
        try
        {
            CouncilProvider.LoadBodies(options);
            return ValidateOptionsResult.Success;
        }
        catch (ConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
