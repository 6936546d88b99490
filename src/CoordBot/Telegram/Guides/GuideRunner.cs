using System.Text;
using System.Text.Json;
using CoordBot.Domain;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Telegram.Guides;

/// <summary>
/// Runs guided commands: asks each step (buttons where the answer is a choice, a reply where it is free text),
/// shows the summary with Confirm / Change / Cancel, and on Confirm hands the router the typed command the
/// answers make. The state lives in the database with the update's transaction, so a restart resumes it.
/// </summary>
public sealed class GuideRunner(IEnumerable<Guide> guides)
{
    /// <summary>An unanswered guide lapses after this long: long enough to look something up, short enough that a forgotten one does not surprise.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public const string Prefix = "g";

    private readonly Dictionary<string, Guide> _guides = guides.ToDictionary(g => g.Command, StringComparer.OrdinalIgnoreCase);

    /// <summary>The guide a bare <paramref name="command"/> starts, if any.</summary>
    public Guide? Find(string command) => _guides.GetValueOrDefault(command) is { StartsWhenBare: true } guide ? guide : null;

    /// <summary>The guide of <paramref name="command"/>, whether or not its bare command starts it.</summary>
    public Guide? For(string command) => _guides.GetValueOrDefault(command);

    /// <summary>A button that starts the guide of <paramref name="command"/> (one whose bare command does not, see <see cref="Guide.StartsWhenBare"/>).</summary>
    public static Button StartButton(string label, string command) => new(label, $"{Prefix}:{StartAction}:{command}");

    private const string StartAction = "start";

    /// <summary>The payload word of a step's zone buttons: <c>g:z</c> opens the zones, <c>g:z:&lt;IANA id&gt;</c> chooses one.</summary>
    private const string ZoneAction = "z";

    /// <summary>
    /// Starts (or starts again) a guide with its first step: for a bare command (<paramref name="info"/> given) with a
    /// one-line hint that the whole command may also be typed; from a start button (no <paramref name="info"/>), alone.
    /// A first step that offers nothing to choose says what is missing instead, and the guide does not start.
    /// </summary>
    public async Task StartAsync(UpdateContext update, CommandInfo? info, Guide guide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(guide);
        var state = await BeginAsync(update, guide, 0, [], cancellationToken);
        var question = await QuestionAsync(update, guide, state, [], cancellationToken);
        if (question.DeadEnd)
        {
            update.Db.Set<GuideState>().Remove(state);
            update.Reply(question.Text);
            return;
        }

        var text = info is null ? question.Text : question.Text + "\n\n" + update.Text("Guidance.TypedFormHint", "/" + Html.Escape(guide.Command));
        await AskAsync(update, text, question.Buttons, question.Typed, cancellationToken);
    }

    /// <summary>
    /// Starts <paramref name="guide"/> with <paramref name="answers"/> already given and asks step <paramref name="step"/>
    /// (a button on an object: Reschedule S2 asks the day). With every step answered, the one asked leads back to the
    /// summary (a typed command short of one choice: which date 12/03 is); <paramref name="lead"/> and
    /// <paramref name="choices"/> then replace the step's question and buttons.
    /// </summary>
    public async Task StartWithAsync(
        UpdateContext update, Guide guide, IReadOnlyList<string> answers, int step, string? lead, IReadOnlyList<GuideChoice>? choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(answers);
        var state = await BeginAsync(update, guide, step, answers, cancellationToken);
        if (choices is null)
        {
            var question = await QuestionAsync(update, guide, state, [.. answers], cancellationToken);
            if (question.DeadEnd)
            {
                update.Db.Set<GuideState>().Remove(state);
                update.Reply(question.Text);
                return;
            }

            await AskAsync(update, lead is null ? question.Text : lead + "\n\n" + question.Text, question.Buttons, question.Typed, cancellationToken);
            return;
        }

        await AskAsync(update, lead ?? Html.Escape(Words(update.Language, guide.Steps[step].Question)), ChoiceRows(step, choices, update.Language), typed: false, cancellationToken);
    }

    /// <summary>
    /// A button under an object (Comment under D1: <c>comment D1</c>) names fewer words than the command takes: the
    /// guide starts with them as its first answers and asks the next step, never again which object. False when the
    /// words are not a start of the guide (the command then runs as typed). An object the step no longer offers
    /// (D1 went into blue since the button was sent) is answered with why, in one sentence.
    /// </summary>
    public async Task<bool> StartFromButtonAsync(UpdateContext update, Guide guide, IncomingCommand pressed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(pressed);
        var words = pressed.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || words.Length >= guide.Steps.Count || pressed.Body is not null)
        {
            return false;
        }

        var answers = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var step = guide.Steps[i];
            if (step.IsBody || step.IsRest)
            {
                return false;
            }

            var scope = new GuideScope(update, answers);
            var offered = step.Choices is null ? [] : await step.Choices(scope, cancellationToken);
            if (offered.FirstOrDefault(c => string.Equals(c.Value, words[i], StringComparison.OrdinalIgnoreCase)) is { } chosen)
            {
                answers.Add(chosen.Value);
            }
            else if (step.Read?.Invoke(words[i], scope) is { IsAccepted: true } typed)
            {
                answers.Add(typed.Value!);
            }
            else if (step.Choices is null)
            {
                answers.Add(words[i]);
            }
            else
            {
                update.Reply(update.Text("Guidance.NotNow", Html.Escape(words[i]), "/" + Html.Escape(guide.Command)));
                return true;
            }
        }

        await StartWithAsync(update, guide, answers, answers.Count, null, null, cancellationToken);
        return true;
    }

    /// <summary>The sender's guide in this chat, (re)started at <paramref name="step"/> with <paramref name="answers"/>; a full set of answers means revising from the summary.</summary>
    private async Task<GuideState> BeginAsync(UpdateContext update, Guide guide, int step, IReadOnlyList<string> answers, CancellationToken cancellationToken)
    {
        var state = await FindAsync(update, cancellationToken);
        if (state is null)
        {
            state = new GuideState { ChatId = update.ChatId, UserId = update.Actor.UserId, Command = guide.Command };
            update.Db.Set<GuideState>().Add(state);
        }

        state.Command = guide.Command;
        // The body the guide started in answers for it to the end: its answers (a title, Confirm) need not name the body again.
        state.BodyId = BodyScope.CurrentId;
        state.Step = step;
        state.Answers = JsonSerializer.Serialize(answers);
        state.Revising = answers.Count == guide.Steps.Count;
        state.StartedAt = update.NowUtc;
        state.ExpiresAt = update.NowUtc + Lifetime;
        return state;
    }

    /// <summary>One button per choice that answers <paramref name="step"/>, each on its row, then Cancel.</summary>
    private static List<IReadOnlyList<Button>> ChoiceRows(int step, IEnumerable<GuideChoice> choices, string language) =>
        [.. choices.Select(c => (IReadOnlyList<Button>)[ChoiceButton(step, c)]), [CancelButton(language)]];

    private static Button ChoiceButton(int step, GuideChoice choice) => new(choice.Label, $"{Prefix}:{step}:{choice.Value}");

    /// <summary>
    /// A message that is not a command: the answer to the sender's current step here, if they have one. Handled is
    /// false when nothing waited for it; <c>Run</c> is the command to run when the answer completed a guide that
    /// acts on its last answer (<see cref="Guide.RunsOnLastAnswer"/>).
    /// </summary>
    public async Task<(bool Handled, IncomingCommand? Run)> AnswerAsync(UpdateContext update, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_guides.Count == 0)
        {
            return (false, null); // nothing can be waiting for an answer
        }

        var live = await LiveAsync(update, cancellationToken);
        if (live is not { State: { } state, Guide: { } guide })
        {
            return (live.Lapsed, null);
        }

        var answers = Read(state);
        if (state.Step >= guide.Steps.Count)
        {
            update.Reply(update.Text("Guide.UseSummary"));
            return (true, null);
        }

        var step = guide.Steps[state.Step];
        if (!step.TakesText)
        {
            update.Reply(update.Text("Guide.ChooseAButton", Html.Escape(Words(update.Language, step.Label))));
            return (true, null);
        }

        if (step.Zone is { } zoning && await AnswerZoneAsync(update, guide, state, answers, zoning, text, cancellationToken))
        {
            return (true, null);
        }

        var read = await ReadAsync(step, text, new GuideScope(update, answers), cancellationToken);
        if (read.Refusal is { } why)
        {
            // A step may suggest what the reply could have meant (12/03: 3 December or 12 March), as buttons that answer it.
            var suggested = step.Suggest?.Invoke(text, new GuideScope(update, answers)) ?? [];
            update.Reply(why, suggested.Count == 0 ? null : ChoiceRows(state.Step, suggested, update.Language));
            return (true, null);
        }

        // The question shows its answer and loses its buttons (Cancel too): what is asked now comes below the reply.
        var asked = QuestionText(update, guide, state.Step, answers);
        await EditShownAsync(update, Answered(asked, await ShownAnswerAsync(step, read.Value!, new GuideScope(update, answers), cancellationToken)), cancellationToken);
        var next = await AdvanceAsync(update, guide, state, answers, read.Value!, cancellationToken);
        if (next.Run is { } run)
        {
            return (true, run);
        }

        await AskAsync(update, next.Text, next.Buttons, next.Typed, cancellationToken);
        return (true, null);
    }

    /// <summary>A press on a guide's button; returns the command to run when it was Confirm.</summary>
    public async Task<IncomingCommand?> PressAsync(CallbackContext callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var update = callback.Update;
        if (callback.Payload.Split(':', 2) is [StartAction, var name])
        {
            // Only a guide its bare command does not start has a start button; the command it composes is still
            // checked on Confirm as if typed, so starting one reveals nothing and does nothing by itself.
            if (_guides.GetValueOrDefault(name) is { StartsWhenBare: false } started)
            {
                await StartAsync(update, null, started, cancellationToken);
                callback.Answer();
            }
            else
            {
                callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.NotYours"));
            }

            return null;
        }

        var live = await LiveAsync(update, cancellationToken);
        if (live is not { State: { } state, Guide: { } guide })
        {
            callback.Answer(Catalogue.Format(update.Actor.Language, live.Lapsed ? "Guide.LapsedToast" : "Guide.NotYours"));
            return null;
        }

        var answers = Read(state);
        var messageId = callback.Query.Message?.Id;
        var parts = callback.Payload.Split(':', 2);
        switch (parts)
        {
            case ["cancel"]:
                update.Db.Set<GuideState>().Remove(state);
                await ShowAsync(update, messageId, update.Text("Guide.Cancelled", "/" + Html.Escape(guide.Command)), null, cancellationToken);
                callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.CancelledToast"));
                return null;

            case ["ok"] when state.Step >= guide.Steps.Count:
                update.Db.Set<GuideState>().Remove(state);
                var command = Compose(guide, answers);
                await ShowAsync(update, messageId, update.Text("Guide.Sent", Html.Code(Line(command))), null, cancellationToken);
                callback.Answer();
                return command;

            case ["change"] when state.Step >= guide.Steps.Count:
                var steps = guide.Steps.Select((s, i) => (IReadOnlyList<Button>)[new Button(Words(update.Language, s.Label), $"{Prefix}:redo:{i}")]).ToList();
                steps.Add([new Button(Catalogue.Text(update.Language, "Guide.BackToSummary"), $"{Prefix}:summary"), CancelButton(update.Language)]);
                await ShowAsync(update, messageId, update.Text("Guide.WhichAnswer"), steps, cancellationToken);
                callback.Answer();
                return null;

            case ["summary"] when state.Step >= guide.Steps.Count:
                var (summary, summaryButtons) = await SummaryAsync(update, guide, answers, cancellationToken);
                await ShowAsync(update, messageId, summary, summaryButtons, cancellationToken);
                callback.Answer();
                return null;

            case ["redo", var index] when state.Step >= guide.Steps.Count && int.TryParse(index, out var redo) && redo >= 0 && redo < guide.Steps.Count:
                state.Step = redo;
                state.Revising = true;
                state.ExpiresAt = update.NowUtc + Lifetime;
                var question = await QuestionAsync(update, guide, state, answers, cancellationToken);
                await ShowAsync(update, messageId, question.Text, question.Buttons, cancellationToken);
                callback.Answer();
                return null;

            case [ZoneAction] when state.Step < guide.Steps.Count && guide.Steps[state.Step].Zone is { } zoneStep:
                var (zoneText, zoneButtons) = ZoneQuestion(update, guide, state.Step, zoneStep, first: false);
                await ShowAsync(update, messageId, zoneText, zoneButtons, cancellationToken);
                callback.Answer();
                return null;

            case [ZoneAction, var zoneId] when state.Step < guide.Steps.Count && guide.Steps[state.Step].Zone is { } zoning:
                if (zoning.Read(zoneId, new GuideScope(update, answers)) is not { IsAccepted: true, Value: { } chosenZone })
                {
                    callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.NotOffered"));
                    return null;
                }

                // The zone is set for the person, and the same step is asked again, now reading times there.
                await zoning.SetAsync(update, chosenZone, cancellationToken);
                state.ExpiresAt = update.NowUtc + Lifetime;
                var again = await QuestionAsync(update, guide, state, answers, cancellationToken);
                await ShowAsync(update, messageId, update.Text("Flow.Zone.Set", Html.Escape(chosenZone)) + "\n\n" + again.Text, again.Buttons, cancellationToken);
                callback.Answer(Catalogue.Format(update.Actor.Language, "Flow.Zone.Set", chosenZone));
                return null;

            case [var index, var value] when int.TryParse(index, out var at) && at == state.Step && at < guide.Steps.Count:
                var step = guide.Steps[at];
                var scope = new GuideScope(update, answers);
                var offered = step.Choices is null ? [] : await step.Choices(scope, cancellationToken);
                // A value the step would take typed is taken pressed too (a suggestion beyond the usual choices: 12 March).
                if (!offered.Any(c => c.Value == value) && !(step.Read?.Invoke(value, scope) is { IsAccepted: true } typed && typed.Value == value))
                {
                    callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.NotOffered"));
                    return null;
                }

                // The choice is marked where it was made; the next question takes the message's place below it.
                var marked = Answered(QuestionText(update, guide, at, answers), Html.Escape(offered.FirstOrDefault(c => c.Value == value)?.Label ?? value));
                var next = await AdvanceAsync(update, guide, state, answers, value, cancellationToken);
                callback.Answer();
                if (next.Run is { } run)
                {
                    await ShowAsync(update, messageId, marked, null, cancellationToken);
                    return run;
                }

                if (next.Typed && !update.IsPrivate)
                {
                    // In a group a typed answer is a reply, which only a new message asked with ForceReply opens by itself.
                    await ShowAsync(update, messageId, marked, null, cancellationToken);
                    await AskAsync(update, next.Text, next.Buttons, typed: true, cancellationToken);
                    return null;
                }

                await ShowAsync(update, messageId, next.Ends ? next.Text : marked + "\n\n" + next.Text, next.Buttons, cancellationToken);
                return null;

            default:
                callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.AlreadyAnswered"));
                return null;
        }
    }

    /// <summary>/cancel: ends the sender's guide in this chat, if any.</summary>
    public async Task<string?> CancelAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (await FindAsync(update, cancellationToken) is not { } state)
        {
            return null;
        }

        update.Db.Set<GuideState>().Remove(state);
        await EditShownAsync(update, update.Text("Guide.Cancelled", "/" + Html.Escape(state.Command)), cancellationToken);
        return state.Command;
    }

    private static async Task<Outcome<string, string>> ReadAsync(GuideStep step, string text, GuideScope scope, CancellationToken cancellationToken)
    {
        if (step.Read is { } read)
        {
            return read(text, scope);
        }

        if (step.IsBody || step.IsRest)
        {
            return GuideStep.WholeText(text, scope);
        }

        if (step.Choices is null)
        {
            return GuideStep.Words(text, scope);
        }

        var typed = text.Trim();
        var offered = await step.Choices(scope, cancellationToken);
        return offered.FirstOrDefault(c => string.Equals(c.Value, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Label, typed, StringComparison.OrdinalIgnoreCase)) is { } chosen
            ? Outcome<string, string>.Accept(chosen.Value)
            : Outcome<string, string>.Refuse(offered.Count == 0
                ? NoChoices(scope.Update, step)
                : scope.Update.Text("Guidance.ChooseOne", Html.Escape(Words(scope.Update.Language, step.Label)), Html.Escape(ChoiceList(scope.Update.Language, offered))));
    }

    /// <summary>
    /// The choices a refused answer may be, as the reader may type them: the values in English (as before), the
    /// buttons' words elsewhere, which the step accepts as well (a code such as <c>closed</c> is no word of theirs).
    /// </summary>
    private static string ChoiceList(string language, IReadOnlyList<GuideChoice> offered) =>
        language == Languages.English
            ? string.Join(", ", offered.Select(c => c.Value))
            : Lists.Join(language, offered.Select(c => c.Label).ToList());

    /// <summary>A step's label or question (a catalogue key, <c>Guide.Invite.Role</c>) in the reader's language.</summary>
    public static string Words(string language, TextKey key) => key.In(language);

    private static Button CancelButton(string language) => new(Catalogue.Text(language, "Guide.Cancel"), $"{Prefix}:cancel");

    /// <summary>What follows an answer: the next question, the summary, the end of the guide (nothing left to choose: <c>Ends</c>), or the command to run.</summary>
    private readonly record struct Next(string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons, IncomingCommand? Run = null, bool Ends = false, bool Typed = false);

    /// <summary>A question, or (<c>DeadEnd</c>) why it cannot be asked: it offers nothing to choose.</summary>
    /// <summary><c>Typed</c>: only a typed reply answers it (no choices), so in a group it is asked with ForceReply.</summary>
    private readonly record struct Question(string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons, bool DeadEnd = false, bool Typed = false);

    private async Task<Next> AdvanceAsync(
        UpdateContext update, Guide guide, GuideState state, List<string> answers, string answer, CancellationToken cancellationToken)
    {
        if (state.Step < answers.Count)
        {
            answers[state.Step] = answer;
        }
        else
        {
            answers.Add(answer);
        }

        state.Answers = JsonSerializer.Serialize(answers);
        state.Step = state.Revising && answers.Count == guide.Steps.Count ? guide.Steps.Count : state.Step + 1;
        state.ExpiresAt = update.NowUtc + Lifetime;
        if (state.Step >= guide.Steps.Count)
        {
            state.Revising = false;
            if (guide.RunsOnLastAnswer)
            {
                update.Db.Set<GuideState>().Remove(state);
                return new(string.Empty, null, Compose(guide, answers));
            }

            var (summary, buttons) = await SummaryAsync(update, guide, answers, cancellationToken);
            return new(summary, buttons);
        }

        var question = await QuestionAsync(update, guide, state, answers, cancellationToken);
        if (question.DeadEnd)
        {
            update.Db.Set<GuideState>().Remove(state);
            return new(question.Text, null, Ends: true);
        }

        return new(question.Text, question.Buttons, Typed: question.Typed);
    }

    /// <summary>The step's header and question, in the reader's language (without the buttons or the hint to reply).</summary>
    private static string QuestionText(UpdateContext update, Guide guide, int index, IReadOnlyList<string> answers)
    {
        var step = guide.Steps[index];
        var language = update.Language;
        var key = step.QuestionFor?.Invoke(new GuideScope(update, answers)) ?? step.Question;
        var question = step.QuestionArgument is { } argument
            ? Catalogue.Format(language, key.Name, Html.Escape(argument(new GuideScope(update, answers))))
            : Words(language, key);
        return new StringBuilder()
            .Append(update.Text("Guide.Step", "/" + Html.Escape(guide.Command), index + 1, guide.Steps.Count, Html.Escape(Words(language, step.Label))))
            .Append('\n')
            .Append(Bidi.Lines(language, question))
            .ToString();
    }

    /// <summary>A question as answered: its text, then the answer marked ✓ (HTML, escaped by the caller).</summary>
    private static string Answered(string question, string answerHtml) => question + "\n✓ " + answerHtml;

    /// <summary>The answer as the question shows it: the label of the choice it names, or the words as written (shortened).</summary>
    private static async Task<string> ShownAnswerAsync(GuideStep step, string value, GuideScope scope, CancellationToken cancellationToken)
    {
        if (step.Choices is not null && !step.IsBody && !step.IsRest
            && (await step.Choices(scope, cancellationToken)).FirstOrDefault(c => c.Value == value) is { } chosen)
        {
            return Html.Escape(chosen.Label);
        }

        return Html.Escape(Shortened.To(value.Replace('\n', ' '), 200));
    }

    /// <summary>What a step with nothing to choose says instead: its own words of what to do, or that nothing can be chosen now.</summary>
    private static string NoChoices(UpdateContext update, GuideStep step) =>
        (step.WhenNoneFor?.Invoke(update.Actor) ?? step.WhenNone) is { } key
            ? Catalogue.Text(update.Language, key)
            : update.Text("Guidance.NothingToChoose", Html.Escape(Words(update.Language, step.Label)));

    private static async Task<Question> QuestionAsync(
        UpdateContext update, Guide guide, GuideState state, List<string> answers, CancellationToken cancellationToken)
    {
        var step = guide.Steps[state.Step];
        var language = update.Language;
        if (step.Zone is { } zone && !update.Actor.ZoneChosen)
        {
            // Never chosen: asked once, before the first time it would read in a zone the person never named.
            var (zoneText, zoneButtons) = ZoneQuestion(update, guide, state.Step, zone, first: true);
            return new(zoneText, zoneButtons);
        }

        var text = new StringBuilder(QuestionText(update, guide, state.Step, answers));
        if (step.TakesText && !update.IsPrivate)
        {
            text.Append('\n').Append(update.Text("Guide.ReplyToWrite"));
        }

        var rows = new List<IReadOnlyList<Button>>();
        if (step.Choices is not null)
        {
            var choices = await step.Choices(new GuideScope(update, answers), cancellationToken);
            if (choices.Count == 0 && step.Read is null)
            {
                // Only a choice answers this step and there is none: a question with nothing but Cancel is a dead end.
                return new(NoChoices(update, step), null, DeadEnd: true);
            }

            if (choices.FirstOrDefault(c => c.Value.Length > GuideStep.MaxValueLength) is { } tooLong)
            {
                throw new InvalidOperationException($"The guide of /{guide.Command} offers \"{tooLong.Value}\", longer than a button can carry.");
            }

            rows.AddRange(choices
                .Select(c => ChoiceButton(state.Step, c))
                .Chunk(step.ChoicesPerRow)
                .Select(row => (IReadOnlyList<Button>)row));
        }

        if (step.Zone is not null)
        {
            rows.Add([new Button(Catalogue.Text(language, "Flow.Zone.Button"), $"{Prefix}:{ZoneAction}")]);
        }

        rows.Add([CancelButton(language)]);
        return new(text.ToString(), rows, Typed: step.Choices is null && step.TakesText);
    }

    /// <summary>
    /// The zone question of <paramref name="index"/>'s step: asked <paramref name="first"/> of a person who never chose a
    /// zone, or opened by its Change zone button; the zones as buttons, and a typed city or zone answers it too.
    /// </summary>
    private static (string Text, IReadOnlyList<IReadOnlyList<Button>> Buttons) ZoneQuestion(UpdateContext update, Guide guide, int index, StepZone zone, bool first)
    {
        var language = update.Language;
        var text = new StringBuilder()
            .Append(update.Text("Guide.Step", "/" + Html.Escape(guide.Command), index + 1, guide.Steps.Count, Html.Escape(Words(language, guide.Steps[index].Label))))
            .Append('\n')
            .Append(Bidi.Lines(language, first ? update.Text("Flow.Zone.First") : update.Text("Flow.Zone.Change", Html.Escape(update.Actor.TimeZone))));
        if (!update.IsPrivate)
        {
            text.Append('\n').Append(update.Text("Guide.ReplyToWrite"));
        }

        var rows = zone.Offered(language)
            .Select(c => new Button(c.Label, $"{Prefix}:{ZoneAction}:{c.Value}"))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        rows.Add([CancelButton(language)]);
        return (text.ToString(), rows);
    }

    /// <summary>
    /// A typed reply at a step read in a zone, when it is about the zone: for a person who never chose one (and was asked
    /// it), a zone sets it and a bare time is asked its zone, while a time with its zone (10:00 New York) answers the step;
    /// for the others, a zone typed instead of a time changes their zone. Either way the step is asked again. False: an
    /// ordinary answer, read as usual.
    /// </summary>
    private async Task<bool> AnswerZoneAsync(UpdateContext update, Guide guide, GuideState state, List<string> answers, StepZone zoning, string text, CancellationToken cancellationToken)
    {
        var step = guide.Steps[state.Step];
        var scope = new GuideScope(update, answers);
        var first = !update.Actor.ZoneChosen;
        var asTime = await ReadAsync(step, text, scope, cancellationToken);
        if (asTime is { IsAccepted: true, Value: { } time })
        {
            if (!first || time.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }

            update.Reply(update.Text("Flow.Zone.TimeNeedsZone", Html.Escape(time)));
            return true;
        }

        var asZone = zoning.Read(text, scope);
        if (asZone is not { IsAccepted: true, Value: { } zone })
        {
            if (first)
            {
                update.Reply(asZone.Refusal!);
            }

            return first;
        }

        var asked = first ? ZoneQuestion(update, guide, state.Step, zoning, first: true).Text : QuestionText(update, guide, state.Step, answers);
        await zoning.SetAsync(update, zone, cancellationToken);
        await EditShownAsync(update, Answered(asked, update.Text("Flow.Zone.Set", Html.Escape(zone))), cancellationToken);
        state.ExpiresAt = update.NowUtc + Lifetime;
        var question = await QuestionAsync(update, guide, state, answers, cancellationToken);
        await AskAsync(update, question.Text, question.Buttons, question.Typed, cancellationToken);
        return true;
    }

    private static async Task<(string Text, IReadOnlyList<IReadOnlyList<Button>> Buttons)> SummaryAsync(
        UpdateContext update, Guide guide, List<string> answers, CancellationToken cancellationToken)
    {
        var language = update.Language;
        var text = new StringBuilder(update.Text("Guide.Check")).Append('\n');
        for (var i = 0; i < guide.Steps.Count; i++)
        {
            // Typed words are the reader's own: shown as written, never translated. A choice made from buttons is
            // shown by its button's words in the reader's language (a French chair reads "VTC privée", not the
            // code "closed" the command line carries); English keeps the answer as the line carries it.
            var shown = language == Languages.English
                ? Html.Escape(Shortened.To(answers[i], 300))
                : await ShownAnswerAsync(guide.Steps[i], answers[i], new GuideScope(update, answers.Take(i).ToList()), cancellationToken);
            text.Append(update.Text("Guide.Answer", Html.Escape(Words(language, guide.Steps[i].Label)), shown)).Append('\n');
        }

        if (guide.Explain(new GuideScope(update, answers)) is { } meaning)
        {
            text.Append(meaning).Append('\n');
        }

        text.Append('\n').Append(update.Text("Guide.ThisSends", Html.Code(Shortened.To(Line(Compose(guide, answers)), 300))));
        return (text.ToString(), [[new Button(Catalogue.Text(language, "Guide.Confirm"), $"{Prefix}:ok"), new Button(Catalogue.Text(language, "Guide.Change"), $"{Prefix}:change"), CancelButton(language)]]);
    }

    private static IncomingCommand Compose(Guide guide, List<string> answers)
    {
        var words = new List<string>();
        string? body = null;
        for (var i = 0; i < guide.Steps.Count; i++)
        {
            var step = guide.Steps[i];
            if (step.IsBody)
            {
                body = answers[i];
            }
            else if (step.IsRest && answers[i].Split('\n', 2) is [var first, var more])
            {
                words.Add(first.Trim());
                body = more;
            }
            else
            {
                words.Add(answers[i]);
            }
        }

        return new IncomingCommand(guide.Command, string.Join(' ', words.Where(w => w.Length > 0)), body, null);
    }

    private static string Line(IncomingCommand command) =>
        $"/{command.Name} {command.Arguments}".TrimEnd() + (command.Body is null ? string.Empty : "\n" + command.Body);

    /// <summary>The live message of the sender's guide in this chat: the question asked last, edited once it is answered.</summary>
    private static string Topic(UpdateContext update) => $"guide:{update.Actor.UserId}";

    /// <summary>Edits the pressed message in place (one message per guide), or sends a new one when there is none; it becomes the guide's live question.</summary>
    private static async Task ShowAsync(UpdateContext update, int? messageId, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons, CancellationToken cancellationToken)
    {
        var row = messageId is { } id ? update.Outbox.EditText(update.ChatId, id, text, buttons) : update.Outbox.Send(update.ChatId, text, buttons);
        await LiveMessages.PointAsync(update.Db, update.ChatId, Topic(update), row, update.Language, update.NowUtc, cancellationToken);
    }

    /// <summary>
    /// Asks a question as a new message, which becomes the guide's live question. In a group, a question only a typed
    /// reply answers goes with a selective ForceReply to the person asked: as a reply to their message, or naming them.
    /// </summary>
    private static async Task AskAsync(UpdateContext update, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons, bool typed, CancellationToken cancellationToken)
    {
        OutboxMessage row;
        if (typed && !update.IsPrivate)
        {
            var replyTo = update.Update.Message?.Id;
            var named = replyTo is null ? $"<a href=\"tg://user?id={update.Actor.UserId}\">{Html.Escape(update.Actor.DisplayName)}</a>\n" : string.Empty;
            row = update.Outbox.Ask(update.ChatId, named + text, replyTo);
        }
        else
        {
            row = update.Outbox.Send(update.ChatId, text, buttons);
        }

        await LiveMessages.PointAsync(update.Db, update.ChatId, Topic(update), row, update.Language, update.NowUtc, cancellationToken);
    }

    /// <summary>Rewrites the guide's live question without buttons (answered or cancelled), if it has been shown.</summary>
    private static Task EditShownAsync(UpdateContext update, string text, CancellationToken cancellationToken) =>
        LiveMessages.EditShownAsync(update.Db, update.Outbox, update.ChatId, Topic(update), text, null, update.NowUtc, cancellationToken);

    private static List<string> Read(GuideState state) => JsonSerializer.Deserialize<List<string>>(state.Answers) ?? [];

    private Task<GuideState?> FindAsync(UpdateContext update, CancellationToken cancellationToken) =>
        update.Db.Set<GuideState>().SingleOrDefaultAsync(g => g.ChatId == update.ChatId && g.UserId == update.Actor.UserId, cancellationToken);

    /// <summary>The sender's guide here, if it is still running; a lapsed one is removed and the sender told.</summary>
    private async Task<Live> LiveAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        if (await FindAsync(update, cancellationToken) is not { } state)
        {
            return new(null, null, Lapsed: false);
        }

        if (state.ExpiresAt <= update.NowUtc || _guides.GetValueOrDefault(state.Command) is not { } guide)
        {
            update.Db.Set<GuideState>().Remove(state);
            update.Reply(update.Text("Guide.Lapsed", "/" + Html.Escape(state.Command), (int)Lifetime.TotalMinutes));
            return new(null, null, Lapsed: true);
        }

        return new(state, guide, Lapsed: false);
    }

    private readonly record struct Live(GuideState? State, Guide? Guide, bool Lapsed);
}
