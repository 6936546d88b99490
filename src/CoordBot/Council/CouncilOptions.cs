namespace CoordBot.Council;

/// <summary>Section <c>Council</c>.</summary>
public sealed class CouncilOptions
{
    public const string Section = "Council";

    public const string PresetFile = "Council/security-council-2020.json";

    /// <summary>JSON file describing the body; absent: the shipped Security Council 2020 preset.</summary>
    public string? File { get; set; }
}
