using CoordBot.Domain;
using CoordBot.Domain.Council;
using Microsoft.Extensions.Options;

namespace CoordBot.Council;

/// <summary>The body the bot serves, read and validated once at start from <c>Council:File</c>.</summary>
public sealed class CouncilProvider(IOptions<CouncilOptions> options)
{
    private readonly Lazy<CouncilDefinition> _council = new(() => Load(options.Value));

    public CouncilDefinition Council => _council.Value;

    public static CouncilDefinition Load(CouncilOptions options)
    {
        var configured = !string.IsNullOrWhiteSpace(options.File);
        var path = configured ? Path.GetFullPath(options.File!) : Path.Combine(AppContext.BaseDirectory, CouncilOptions.PresetFile);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(configured
                ? $"Council:File cannot be read ({path}: {ex.Message})"
                : $"the shipped council preset is missing ({path}); reinstall, or set Council:File");
        }

        var parsed = CouncilDefinition.Parse(json);
        if (!parsed.IsSuccess)
        {
            throw new ConfigurationException($"Council:File {path} is not a valid council: {string.Join("; ", parsed.Errors)}");
        }

        return parsed.Value;
    }
}
