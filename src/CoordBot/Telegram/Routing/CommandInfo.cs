using CoordBot.Domain;
using CoordBot.Localization;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// A command's declaration: its name, usage line and description (for /help and Telegram's command menu),
/// who may use it (<see cref="Rule"/>) and where (<see cref="Where"/>). The router enforces the rule and the
/// place before the handler runs, and /help and the menu read the same declaration, so what /help offers a
/// person is exactly what they may run.
/// </summary>
public sealed record CommandInfo(string Name, string Usage, string Description, bool InMenu = true)
{
    /// <summary>Who may use the command: a rule of the domain's permissions (see <see cref="Rules"/>), required of every command.</summary>
    public required Func<Actor, Verdict> Rule { get; init; }

    /// <summary>Where the command may be used.</summary>
    public ChatScope Where { get; init; } = ChatScope.Anywhere;

    /// <summary>A filled-in example for the usage reply (plain text; escaped when rendered).</summary>
    public string? Example { get; init; }

    /// <summary>
    /// The catalogue key of the example in the other languages, for an example that explains itself in words ("whole hours
    /// from 1 to 720") or types words a reader writes in their own language ("tomorrow"); English is <see cref="Example"/>.
    /// </summary>
    public string? ExampleKey { get; init; }

    /// <summary>The example in <paramref name="language"/>: <see cref="Example"/>, or its catalogue text (<see cref="ExampleKey"/>).</summary>
    public string? ExampleIn(string language) =>
        Example is null || ExampleKey is null || language == Languages.English ? Example : Catalogue.Text(language, ExampleKey);

    /// <summary>
    /// Whether the body in scope uses the command at all (true unless its declaration for a kind of body says otherwise): a committee
    /// deciding by no-objection puts nothing in blue and opens no vote, so /help and the menus offer those commands to nobody there.
    /// Typed, such a command still passes the gate and is refused with the procedure's reason.
    /// </summary>
    public bool UsedInBody { get; init; } = true;

    /// <summary>Whether /help offers the command to <paramref name="actor"/>: whether the body uses it and its rule admits them.</summary>
    public bool IsOfferedTo(Actor actor) => UsedInBody && Rule(actor).IsAllowed;

    /// <summary>The reply to arguments that do not parse: the usage line, escaped, with the example if any (in English).</summary>
    public string UsageReply => UsageReplyIn(Languages.English);

    /// <summary>The usage reply in <paramref name="language"/>: the usage line with its placeholders named, and the example (commands are not translated).</summary>
    public string UsageReplyIn(string language) =>
        Catalogue.Format(language, "Usage.Line", Rendering.Html.Escape(UsageIn(language))) +
        (ExampleIn(language) is { } example ? Catalogue.Format(language, "Usage.Example", Rendering.Html.Escape(example)) : string.Empty);

    /// <summary>The usage line with its placeholders named in <paramref name="language"/> (<see cref="UsageText"/>); English as declared.</summary>
    public string UsageIn(string language) => UsageText.In(language, Usage);

    /// <summary>
    /// The catalogue key of the description in the other languages: <c>Command.&lt;name&gt;</c> unless the declaration names
    /// another (a command declared differently in a body of another kind, such as <c>/kind</c> in a committee).
    /// </summary>
    public string? DescriptionKey { get; init; }

    /// <summary>
    /// The description for /help and the command menu in <paramref name="language"/>: English is the declaration
    /// itself; the other languages read <c>Command.&lt;name&gt;</c> (or <see cref="DescriptionKey"/>) from the catalogue (a test checks every command has one).
    /// </summary>
    public string DescriptionIn(string language) =>
        language == Languages.English ? Description : Catalogue.Text(language, DescriptionKey ?? "Command." + Name);
}
