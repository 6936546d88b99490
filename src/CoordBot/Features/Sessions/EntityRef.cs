using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Sessions;

/// <summary>
/// A session or agenda item id as typed: parsed by the one id parser (<see cref="EntityIds"/>), or kept as the
/// word that is not an id, so the reply can say what an id looks like (the generic usage line would not).
/// </summary>
internal readonly record struct EntityRef(long Id, string? Malformed)
{
    /// <summary>Reads the next word as an id with <paramref name="prefix"/> (<c>S12</c> or <c>12</c>); a missing word fails the parse.</summary>
    public static EntityRef Read(ArgReader args, char prefix)
    {
        ArgumentNullException.ThrowIfNull(args);
        var word = args.Text();
        return EntityIds.TryParse(word, prefix, out var id) ? new(id, null) : new(0, word);
    }
}
