namespace CoordBot.Council;

/// <summary>Section <c>Council</c>, and the list <c>Bodies:&lt;n&gt;:File</c> of a deployment serving several bodies (issue 25).</summary>
public sealed class CouncilOptions
{
    public const string Section = "Council";

    public const string BodiesSection = "Bodies";

    public const string PresetFile = "Council/security-council-2020.json";

    /// <summary>The key of a single body whose file names none.</summary>
    public const string DefaultKey = "council";

    /// <summary>JSON file describing the body; absent: the shipped Security Council 2020 preset. With <see cref="BodyFiles"/>, the first body.</summary>
    public string? File { get; set; }

    /// <summary><c>Bodies:&lt;n&gt;:File</c> in order of n: the council files of the bodies served (empty: one body, <see cref="File"/>).</summary>
    public List<string?> BodyFiles { get; set; } = [];

    /// <summary>Reads <c>Bodies:&lt;n&gt;:File</c> in the numeric order of n.</summary>
    public static List<string?> BodyFilesFrom(IConfiguration configuration) =>
        configuration.GetSection(BodiesSection).GetChildren()
            .OrderBy(c => int.TryParse(c.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c["File"])
            .ToList();
}
