using System.Text;
using System.Text.Json;
using CoordBot.Domain;
using CoordBot.Localization;
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

    /// <summary>A button that starts the guide of <paramref name="command"/> (one whose bare command does not, see <see cref="Guide.StartsWhenBare"/>).</summary>
    public static Button StartButton(string label, string command) => new(label, $"{Prefix}:{StartAction}:{command}");

    private const string StartAction = "start";

    /// <summary>Starts (or starts again) a guide: for a bare command, its usage line for those who prefer typing, then the first step; from a start button (no <paramref name="info"/>), the first step alone.</summary>
    public async Task StartAsync(UpdateContext update, CommandInfo? info, Guide guide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(guide);
        var state = await BeginAsync(update, guide, 0, [], cancellationToken);
        var (text, buttons) = await QuestionAsync(update, guide, state, [], cancellationToken);
        update.Reply(info is null ? text : update.Text("Guide.Intro", info.UsageReplyIn(update.Language)) + "\n\n" + text, buttons);
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
            var (text, buttons) = await QuestionAsync(update, guide, state, [.. answers], cancellationToken);
            update.Reply(lead is null ? text : lead + "\n\n" + text, buttons);
            return;
        }

        update.Reply(lead ?? Html.Escape(Words(update.Language, guide.Steps[step].Question)), ChoiceRows(step, choices, update.Language));
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

    /// <summary>A message that is not a command: the answer to the sender's current step here, if they have one.</summary>
    public async Task<bool> AnswerAsync(UpdateContext update, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_guides.Count == 0)
        {
            return false; // nothing can be waiting for an answer
        }

        var live = await LiveAsync(update, cancellationToken);
        if (live is not { State: { } state, Guide: { } guide })
        {
            return live.Lapsed;
        }

        var answers = Read(state);
        if (state.Step >= guide.Steps.Count)
        {
            update.Reply(update.Text("Guide.UseSummary"));
            return true;
        }

        var step = guide.Steps[state.Step];
        if (!step.TakesText)
        {
            update.Reply(update.Text("Guide.ChooseAButton", Html.Escape(Words(update.Language, step.Label))));
            return true;
        }

        var read = await ReadAsync(step, text, new GuideScope(update, answers), cancellationToken);
        if (read.Refusal is { } why)
        {
            // A step may suggest what the reply could have meant (12/03: 3 December or 12 March), as buttons that answer it.
            var suggested = step.Suggest?.Invoke(text, new GuideScope(update, answers)) ?? [];
            update.Reply(why, suggested.Count == 0 ? null : ChoiceRows(state.Step, suggested, update.Language));
            return true;
        }

        var (next, buttons) = await AdvanceAsync(update, guide, state, answers, read.Value!, cancellationToken);
        update.Reply(next, buttons);
        return true;
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
                Show(update, messageId, update.Text("Guide.Cancelled", "/" + Html.Escape(guide.Command)), null);
                callback.Answer(Catalogue.Format(update.Actor.Language, "Guide.CancelledToast"));
                return null;

            case ["ok"] when state.Step >= guide.Steps.Count:
                update.Db.Set<GuideState>().Remove(state);
                var command = Compose(guide, answers);
                Show(update, messageId, update.Text("Guide.Sent", Html.Code(Line(command))), null);
                callback.Answer();
                return command;

            case ["change"] when state.Step >= guide.Steps.Count:
                var steps = guide.Steps.Select((s, i) => (IReadOnlyList<Button>)[new Button(Words(update.Language, s.Label), $"{Prefix}:redo:{i}")]).ToList();
                steps.Add([new Button(Catalogue.Text(update.Language, "Guide.BackToSummary"), $"{Prefix}:summary"), CancelButton(update.Language)]);
                Show(update, messageId, update.Text("Guide.WhichAnswer"), steps);
                callback.Answer();
                return null;

            case ["summary"] when state.Step >= guide.Steps.Count:
                var (summary, summaryButtons) = Summary(update, guide, answers);
                Show(update, messageId, summary, summaryButtons);
                callback.Answer();
                return null;

            case ["redo", var index] when state.Step >= guide.Steps.Count && int.TryParse(index, out var redo) && redo >= 0 && redo < guide.Steps.Count:
                state.Step = redo;
                state.Revising = true;
                state.ExpiresAt = update.NowUtc + Lifetime;
                var (question, questionButtons) = await QuestionAsync(update, guide, state, answers, cancellationToken);
                Show(update, messageId, question, questionButtons);
                callback.Answer();
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

                var (next, nextButtons) = await AdvanceAsync(update, guide, state, answers, value, cancellationToken);
                Show(update, messageId, next, nextButtons);
                callback.Answer();
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
            : Outcome<string, string>.Refuse(scope.Update.Text("Guide.NotAChoice", Html.Escape(Shortened.To(typed, 300)), Html.Escape(string.Join(", ", offered.Select(c => c.Value)))));
    }

    /// <summary>
    /// A step's label or question in the reader's language: a guide may give a catalogue key (<c>Guide.Invite.Role</c>)
    /// instead of English words, and the runner shows that key's text; anything else is shown as written.
    /// </summary>
    public static string Words(string language, string keyOrText) =>
        Catalogue.Entries(Languages.English).ContainsKey(keyOrText) ? Catalogue.Text(language, keyOrText) : keyOrText;

    private static Button CancelButton(string language) => new(Catalogue.Text(language, "Guide.Cancel"), $"{Prefix}:cancel");

    private async Task<(string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons)> AdvanceAsync(
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
            return Summary(update, guide, answers);
        }

        return await QuestionAsync(update, guide, state, answers, cancellationToken);
    }

    private static async Task<(string Text, IReadOnlyList<IReadOnlyList<Button>>? Buttons)> QuestionAsync(
        UpdateContext update, Guide guide, GuideState state, List<string> answers, CancellationToken cancellationToken)
    {
        var step = guide.Steps[state.Step];
        var language = update.Language;
        var text = new StringBuilder()
            .Append(update.Text("Guide.Step", "/" + Html.Escape(guide.Command), state.Step + 1, guide.Steps.Count, Html.Escape(Words(language, step.Label))))
            .Append('\n')
            .Append(Bidi.Lines(language, Words(language, step.Question)));
        if (step.TakesText && !update.IsPrivate)
        {
            text.Append('\n').Append(update.Text("Guide.ReplyToWrite"));
        }

        var rows = new List<IReadOnlyList<Button>>();
        if (step.Choices is not null)
        {
            var choices = await step.Choices(new GuideScope(update, answers), cancellationToken);
            if (choices.FirstOrDefault(c => c.Value.Length > GuideStep.MaxValueLength) is { } tooLong)
            {
                throw new InvalidOperationException($"The guide of /{guide.Command} offers \"{tooLong.Value}\", longer than a button can carry.");
            }

            rows.AddRange(choices
                .Select(c => ChoiceButton(state.Step, c))
                .Chunk(step.ChoicesPerRow)
                .Select(row => (IReadOnlyList<Button>)row));
        }

        rows.Add([CancelButton(language)]);
        return (text.ToString(), rows);
    }

    private static (string Text, IReadOnlyList<IReadOnlyList<Button>> Buttons) Summary(UpdateContext update, Guide guide, List<string> answers)
    {
        var language = update.Language;
        var text = new StringBuilder(update.Text("Guide.Check")).Append('\n');
        for (var i = 0; i < guide.Steps.Count; i++)
        {
            // The answer is the reader's own words: shown as written, never translated.
            text.Append(update.Text("Guide.Answer", Html.Escape(Words(language, guide.Steps[i].Label)), Html.Escape(Shortened.To(answers[i], 300)))).Append('\n');
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

    /// <summary>Edits the pressed message in place (one message per guide), or sends a new one when there is none.</summary>
    private static void Show(UpdateContext update, int? messageId, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons)
    {
        if (messageId is { } id)
        {
            update.Outbox.EditText(update.ChatId, id, text, buttons);
        }
        else
        {
            update.Reply(text, buttons);
        }
    }

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
