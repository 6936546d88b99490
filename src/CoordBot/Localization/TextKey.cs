namespace CoordBot.Localization;

/// <summary>
/// The name of a catalogue text, where a declaration (a guide's step) says which words to show and the reader's language
/// is known only later. Made from a string that must be a key of the catalogue (it throws otherwise, when the declaration
/// is built), so a declaration can never carry English words in place of a key.
/// </summary>
public readonly record struct TextKey
{
    public TextKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = Catalogue.Entries(Languages.English).ContainsKey(name)
            ? name
            : throw new ArgumentException($"\"{name}\" is not a key of the catalogue: declare the words in the resx files and name them by key.", nameof(name));
    }

    public string Name { get; }

    /// <summary>The words in <paramref name="language"/>, placeholders unfilled.</summary>
    public string In(string language) => Catalogue.Text(language, Name);

#pragma warning disable CA2225 // the key is written where a declaration names it; Name is the alternate
    public static implicit operator TextKey(string name) => new(name);
#pragma warning restore CA2225

    public override string ToString() => Name;
}
