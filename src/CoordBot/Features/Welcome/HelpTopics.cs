namespace CoordBot.Features.Welcome;

/// <summary>
/// The tasks /help groups commands by. A command's group is read from where it is declared (its handler's feature
/// folder), so a new command lands in its group without a list to keep in step.
/// </summary>
public static class HelpTopics
{
    /// <summary>The groups in the order /help shows them; each is also the word typed after /help.</summary>
    public static IReadOnlyList<string> All { get; } = ["sessions", "agenda", "drafts", "votes", "delegation", "operations"];

    /// <summary>The group of a command handler of type <paramref name="handler"/>.</summary>
    public static string Of(Type handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler.Namespace switch
        {
            "CoordBot.Features.Sessions" or "CoordBot.Features.Dashboard" => "sessions",
            "CoordBot.Features.Agenda" => "agenda",
            "CoordBot.Features.Drafts" => "drafts",
            "CoordBot.Features.Voting" => "votes",
            { } name when name.StartsWith("CoordBot.Operations", StringComparison.Ordinal) => "operations",
            _ => "delegation",
        };
    }
}
