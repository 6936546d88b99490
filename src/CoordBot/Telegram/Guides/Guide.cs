using CoordBot.Domain;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Telegram.Guides;

/// <summary>
/// The guided form of a command that takes several arguments: the steps that ask, one at a time, for what the
/// typed form takes on one line. Its answers are the words of that line, so Confirm runs exactly the typed
/// command (through the same gate, parser and handler), and the typed form keeps working unchanged.
/// </summary>
public abstract class Guide
{
    /// <summary>The command's name, as declared (e.g. <c>schedule</c>).</summary>
    public abstract string Command { get; }

    public abstract IReadOnlyList<GuideStep> Steps { get; }

    /// <summary>What the answers mean, for the summary before Confirm (a time in the reader's zone and in UTC); null: nothing to add.</summary>
    public virtual string? Explain(GuideScope scope) => null;

    /// <summary>
    /// Whether the bare command starts the guide (true), or answers as it always did and offers a button
    /// (<see cref="GuideRunner.StartButton"/>) that starts it: for a bare command that already means something
    /// (<c>/timezone</c> says the current zone), so its answer and a following bare <c>/cancel</c> stay as they were.
    /// </summary>
    public virtual bool StartsWhenBare => true;

    /// <summary>
    /// Whether the last answer runs the command at once, without the summary and Confirm: for a guide whose last step
    /// is the one thing asked (the reason for breaking silence on D1, asked from its button), where the answer is the act.
    /// </summary>
    public virtual bool RunsOnLastAnswer => false;
}

/// <summary>
/// One question of a guide. <see cref="Label"/> and <see cref="Question"/> (HTML) are catalogue keys, shown in the
/// reader's language (see <see cref="GuideRunner.Words"/>). <see cref="Choices"/> are offered as buttons (each value at most
/// <see cref="GuideStep.MaxValueLength"/> characters, so it fits in a button's 64 bytes); a typed answer is
/// read by <see cref="Read"/> unless <see cref="TakesText"/> is false.
/// </summary>
public sealed record GuideStep(TextKey Label, TextKey Question)
{
    public const int MaxValueLength = 40;

    /// <summary>The buttons, computed for the asking person now (their role, zone and the council's state).</summary>
    public Func<GuideScope, CancellationToken, Task<IReadOnlyList<GuideChoice>>>? Choices { get; init; }

    public int ChoicesPerRow { get; init; } = 2;

    /// <summary>Whether a typed reply answers the step (a free text always does; a choice may also be typed).</summary>
    public bool TakesText { get; init; } = true;

    /// <summary>
    /// Reads a typed reply: the words for the command line, or the reason it was not understood (HTML). Without
    /// it, a step with choices takes a reply that names one of them (its value or its label, in any case), and a
    /// free-text step takes the reply's first line.
    /// </summary>
    public Func<string, GuideScope, Outcome<string, string>>? Read { get; init; }

    /// <summary>What a reply this step refused could have meant, offered as buttons that answer the step (each value one <see cref="Read"/> takes).</summary>
    public Func<string, GuideScope, IReadOnlyList<GuideChoice>>? Suggest { get; init; }

    /// <summary>
    /// A catalogue key saying what is missing and what to do instead when <see cref="Choices"/> offers nothing and the
    /// step takes only a choice (no upcoming session: schedule one first); the guide then does not start (or ends).
    /// </summary>
    public string? WhenNone { get; init; }

    /// <summary>
    /// The <see cref="WhenNone"/> key for this asker, where what to do depends on who asks (the chair schedules a
    /// session first; a head asks the chair); null: <see cref="WhenNone"/>.
    /// </summary>
    public Func<Actor, string?>? WhenNoneFor { get; init; }

    /// <summary>
    /// The answer is read in the asker's time zone: the question offers to change it, a person who never chose one is
    /// asked it first (not defaulted to UTC in silence), and a zone typed alone changes it; each returns to this step.
    /// </summary>
    public StepZone? Zone { get; init; }

    /// <summary>
    /// The question for the asking person now, when it depends on where they ask (a committee's deadline is asked in working
    /// days as well as hours); null, or a null answer: <see cref="Question"/>.
    /// </summary>
    public Func<GuideScope, TextKey?>? QuestionFor { get; init; }

    /// <summary>
    /// The {0} of the question (a catalogue key then): what it is about, for the asking person now (the draft whose
    /// silence is broken, the zone a time is read in). Plain text; the runner escapes it.
    /// </summary>
    public Func<GuideScope, string>? QuestionArgument { get; init; }

    /// <summary>The answer is the command's text after the first line (a draft's text under its title).</summary>
    public bool IsBody { get; init; }

    /// <summary>
    /// The answer is the rest of the command, as typed after the ids: its first line ends the command line and any
    /// further lines follow it (a comment or an amendment, which may start with §k and run over several lines).
    /// </summary>
    public bool IsRest { get; init; }

    /// <summary>The default reading of a typed reply: its first line, trimmed, not empty.</summary>
    public static Outcome<string, string> Words(string text, GuideScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0
            ? Outcome<string, string>.Refuse(scope.Update.Text("Guide.WriteAnAnswer"))
            : Outcome<string, string>.Accept(line);
    }

    /// <summary>A whole text (all its lines), trimmed, not empty: for a step whose answer is a body.</summary>
    public static Outcome<string, string> WholeText(string text, GuideScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var whole = text.Trim();
        return whole.Length == 0
            ? Outcome<string, string>.Refuse(scope.Update.Text("Guide.WriteTheText"))
            : Outcome<string, string>.Accept(whole);
    }
}

/// <summary>
/// How a step offers and sets the asker's time zone: the zones offered as buttons (values are IANA ids), the reading
/// of a typed zone (its IANA id, or why it is not one, HTML), and setting it for the person within the update.
/// </summary>
public sealed record StepZone(
    Func<string, IReadOnlyList<GuideChoice>> Offered,
    Func<string, GuideScope, Outcome<string, string>> Read,
    Func<UpdateContext, string, CancellationToken, Task> SetAsync);

/// <summary>A button of a step: what it says, and the words it puts on the command line.</summary>
public sealed record GuideChoice(string Label, string Value);

/// <summary>What a step's choices and reader may look at: the asking person's update and the answers so far.</summary>
public sealed record GuideScope(UpdateContext Update, IReadOnlyList<string> Answers)
{
    public Actor Actor => Update.Actor;
}
