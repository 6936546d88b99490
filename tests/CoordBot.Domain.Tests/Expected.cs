namespace CoordBot.Domain.Tests;

/// <summary>
/// A reason written compactly in a table row: <c>"Code"</c> or <c>"Code:arg:arg"</c> (<c>"NeedsMember:commenting"</c>:
/// an argument that names a <see cref="DelegationWork"/> in words becomes that value). The English words of each code
/// are checked once, in <c>ReasonCatalogueTests</c> of CoordBot.Tests.
/// </summary>
internal static class Expected
{
    public static Reason? Reason(string? written)
    {
        if (written is null)
        {
            return null;
        }

        var parts = written.Split(':');
        return Domain.Reason.Of(Enum.Parse<ReasonCode>(parts[0]), [.. parts.Skip(1).Select(Argument)]);
    }

    private static object Argument(string text) =>
        Enum.GetValues<DelegationWork>().FirstOrDefault(w => string.Equals(w.ToString(), text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)) is var work
            && string.Equals(work.ToString(), text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            ? work
            : text;
}
