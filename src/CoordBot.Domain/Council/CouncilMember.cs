namespace CoordBot.Domain.Council;

/// <summary>A member state of the council, identified by an ISO 3166 alpha-3 style code.</summary>
public sealed record CouncilMember(string Code, string Name, bool Permanent)
{
    /// <summary>The member's name in other languages, by language code ("fr", "zh"); English is <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>The name in <paramref name="language"/>, or the English name when the council file gives none.</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Name;

    // A record compares a dictionary by reference; two members read from the same file must be equal.
    public bool Equals(CouncilMember? other) =>
        other is not null && Code == other.Code && Name == other.Name && Permanent == other.Permanent &&
        Names.Count == other.Names.Count && Names.All(n => other.Names.TryGetValue(n.Key, out var name) && name == n.Value);

    public override int GetHashCode() => HashCode.Combine(Code, Name, Permanent);
}
