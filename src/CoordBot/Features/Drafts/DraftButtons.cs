using CoordBot.Council;
using CoordBot.Domain.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// The buttons under a draft or an amendment: the actions its reader may take on it now. Each button is a draft
/// command, and whether it is offered is decided by that command's own declaration (its door rule, whom it serves
/// once the draft is found, what it does to the draft's state), never by a second copy of the rules. A press runs
/// the command through the same gate with the presser's role as it is then, so a button from an old message acts
/// on the current state or says why it cannot.
/// </summary>
public sealed class DraftButtons(IServiceProvider services)
{
    // Looked up on first use: the commands themselves use the desk that renders these buttons.
    private readonly Lazy<CouncilProvider> _council = new(services.GetRequiredService<CouncilProvider>);

    private readonly Lazy<IReadOnlyDictionary<string, IDraftCommand>> _commands = new(() =>
        services.GetServices<ICommandHandler>().OfType<IDraftCommand>().ToDictionary(c => c.Info.Name, StringComparer.Ordinal));

    // The chair's next step on a text in blue is a command of the Voting feature (not a draft command): its declaration decides.
    private readonly Lazy<CommandInfo?> _voteOpen = new(() =>
        services.GetServices<ICommandHandler>().Select(c => c.Info).FirstOrDefault(i => i.Name == VoteOpen));

    private const string VoteOpen = "vote_open";

    /// <summary>Whether the draft's state has a next step for the chair (a text in blue is put to the vote), so a caller looks up who presides.</summary>
    public static bool HasChairStep(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Status == DraftStatus.InBlue && DraftPaths.ForKind(draft.Kind, DraftAction.OpenVote).IsAllowed;
    }

    /// <summary>
    /// The buttons for <paramref name="actor"/>, who reads <paramref name="draft"/> here now (a reply to their command); the
    /// chair's own next step last, when the actor presides.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Button>> For(Draft draft, Actor actor, string language, bool offerRead = true)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        return [.. Rows(draft, actor, language, offerRead, personal: true), .. ChairStep(draft, actor, language)];
    }

    /// <summary>
    /// The buttons under a message to a delegation (its group, or each member): what the delegation may do through
    /// its head; an adviser who presses one their role does not allow is told why by the command itself. The presiding
    /// delegation's copy (<paramref name="presidentCode"/>, looked up when <see cref="HasChairStep"/>) also carries the
    /// chair's next step, last: its head or deputy presses it as the chair.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Button>> ForDelegation(Draft draft, string code, string? presidentCode, string language)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var reader = CommandGate.DelegationReader(code);
        return [.. Rows(draft, reader, language, offerRead: true, personal: false), .. ChairStep(draft, reader with { PresidentCode = presidentCode }, language)];
    }

    /// <summary>The chair's next step on the draft, as a row of its own: the vote on a text in blue (the button asks the matter and the hours).</summary>
    private IReadOnlyList<IReadOnlyList<Button>> ChairStep(Draft draft, Actor actor, string language) =>
        HasChairStep(draft) && _voteOpen.Value is { } declared && declared.Rule(actor).IsAllowed
            ? [[CommandButton.For(Catalogue.Text(language, "Ballots.Button.OpenVote"), $"{VoteOpen} {draft.Label}")]]
            : [];

    /// <summary>Accept and Reject under a pending amendment, for a reader who may decide it now (the penholder).</summary>
    public IReadOnlyList<IReadOnlyList<Button>> ForAmendment(DraftAmendment amendment, Draft draft, Actor actor, string language)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(actor);
        if (amendment.Status != AmendmentStatus.Pending || !May("accept", draft, actor))
        {
            return [];
        }

        return [[
            CommandButton.For(Catalogue.Format(language, "Drafts.Button.Accept", amendment.Label), $"accept {amendment.Label}"),
            CommandButton.For(Catalogue.Format(language, "Drafts.Button.Reject", amendment.Label), $"reject {amendment.Label}"),
        ]];
    }

    /// <inheritdoc cref="ForAmendment(DraftAmendment, Draft, Actor, string)"/>
    public IReadOnlyList<IReadOnlyList<Button>> ForAmendmentToDelegation(DraftAmendment amendment, Draft draft, string code, string language) =>
        ForAmendment(amendment, draft, CommandGate.DelegationReader(code), language);

    private List<IReadOnlyList<Button>> Rows(Draft draft, Actor actor, string language, bool offerRead, bool personal)
    {
        var id = draft.Label;
        string Label(string key) => Catalogue.Text(language, "Drafts.Button." + key);
        var reading = new List<Button>();
        if (offerRead && May("draft", draft, actor))
        {
            reading.Add(CommandButton.For(Label("Read"), $"draft {id}"));
        }

        if (draft.CurrentVersion > 1 && May("diff", draft, actor))
        {
            reading.Add(CommandButton.For(Label("Diff"), $"diff {id}"));
        }

        if (May("comments", draft, actor))
        {
            reading.Add(CommandButton.For(Label("Comments"), $"comments {id}"));
        }

        // Commenting, amending and breaking silence start their guide with this draft chosen: it asks the text (the reason) only.
        var working = new List<Button>();
        AddIf(working, "comment", Label("Comment"), $"comment {id}");
        AddIf(working, "amend", Label("Amend"), $"amend {id}");
        AddIf(working, "breaksilence", Label("BreakSilence"), $"breaksilence {id}");
        // The no-objection procedure: Hold for a delegation not holding the decision, Lift for the one that holds it.
        if (_council.Value.Council.WrittenProcedure == WrittenProcedure.NoObjection && actor.DelegationCode is { } member)
        {
            var holding = draft.HolderCodes.Contains(member);
            AddIf(working, holding ? "lift" : "hold", Catalogue.Text(language, holding ? "Committees.Button.Lift" : "Committees.Button.Hold"), $"{(holding ? "lift" : "hold")} {id}");
        }
        // Sponsoring is offered to a reader who opened the draft (its own view), not under every notice to a delegation.
        if (personal && actor.DelegationCode is { } own && !draft.PenholderCodes.Contains(own) && !draft.SponsorCodes.Contains(own))
        {
            AddIf(working, "sponsor", Catalogue.Text(language, "Drafting.Button.Sponsor"), $"sponsor {id}");
        }

        var pen = new List<Button>();
        AddIf(pen, "circulate", Label("Circulate"), $"circulate {id}");
        AddIf(pen, "silence", Label("Silence"), $"silence {id}");
        // Putting in blue cannot be undone: the button asks first and shows what is still open (BlueHandler).
        AddIf(pen, "blue", Label("Blue"), $"blue {id} {BlueHandler.Check}");
        // The chair adopts an agreed presidential statement: the guide asks at which meeting it was read.
        AddIf(pen, "adopt", Catalogue.Text(language, "Kinds.Button.Adopt"), $"adopt {id}");

        return [.. new[] { reading, working, pen }.Where(row => row.Count > 0)];

        void AddIf(List<Button> row, string command, string label, string line)
        {
            if (May(command, draft, actor))
            {
                row.Add(CommandButton.For(label, line));
            }
        }
    }

    /// <summary>Whether <paramref name="actor"/> may run <paramref name="command"/> on the draft now, by the command's own declaration.</summary>
    private bool May(string command, Draft draft, Actor actor) =>
        _commands.Value.TryGetValue(command, out var declared)
        && declared.Info.Rule(actor).IsAllowed
        && DraftDesk.ReachVerdict(actor, draft, declared.Reach).IsAllowed
        && (declared.Effect is not { } effect || DraftPaths.Check(draft.Kind, draft.Status, effect).IsAllowed);
}
