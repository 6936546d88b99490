using CoordBot.Domain;
using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>A draft command's arguments: the draft's id (<c>D3</c> or <c>3</c>) and the command's own.</summary>
internal readonly record struct DraftArgs<TArgs>(long DraftId, TArgs Args);

/// <summary>
/// A declared command about one draft, named first (<c>D3</c> or <c>3</c>): the draft is looked up for the sender
/// (<see cref="Reach"/>) and its state checked (<see cref="Action"/>), or the answer says why not, before the
/// command's work. A draft the sender may not read is answered like one that does not exist.
/// </summary>
internal abstract class DraftCommand<TArgs>(DraftDesk desk) : Command<DraftArgs<TArgs>>, IDraftCommand
{
    /// <summary>Whom the command serves once the draft is found.</summary>
    protected virtual DraftReach Reach => DraftReach.Readers;

    /// <summary>What the command does to the draft, checked against its state after the lookup; null when the command checks it itself, later.</summary>
    protected virtual DraftAction? Action => null;

    DraftReach IDraftCommand.Reach => Reach;

    /// <summary>What the command does to the draft, whether checked at the lookup or later (a button is offered only when the state allows it).</summary>
    public virtual DraftAction? Effect => Action;

    protected DraftDesk Desk => desk;

    protected sealed override DraftArgs<TArgs> Parse(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new(args.Id('D'), ParseArguments(args));
    }

    /// <summary>The arguments after the draft id.</summary>
    protected abstract TArgs ParseArguments(ArgReader args);

    protected sealed override async Task ExecuteAsync(CommandContext context, DraftArgs<TArgs> args, CancellationToken cancellationToken)
    {
        var found = await desk.FindAsync(context, args.DraftId, Reach, Action, cancellationToken);
        if (Proceeds(context, found))
        {
            await ExecuteAsync(context, found.Value!, args.Args, cancellationToken);
        }
    }

    protected abstract Task ExecuteAsync(CommandContext context, Draft draft, TArgs args, CancellationToken cancellationToken);

    /// <summary>True when the outcome accepts; otherwise replies its refusal.</summary>
    protected static bool Proceeds<T>(CommandContext context, Outcome<T, DraftRefusal> outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is { } refusal)
        {
            context.Reply(DraftsText.Refusal(context.Update.Language, refusal));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The opening of an answer to a silence (<c>/breaksilence</c>, <c>/hold</c>): the draft is still under silence (otherwise the
    /// reply says why, and null), and the reason typed after the id, all its lines, trimmed (empty when none was given).
    /// </summary>
    protected static async Task<string?> SilenceReasonAsync(
        CommandContext context, SilenceProcedure silence, Draft draft, DraftAction action, string firstLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(silence);
        return Proceeds(context, await silence.StillUnderSilenceAsync(context.Update, draft, action, cancellationToken))
            ? (firstLine + (context.Command.Body is { } body ? "\n" + body : string.Empty)).Trim()
            : null;
    }
}

/// <summary>A draft command that takes nothing but the draft's id (a word more is answered with the usage line).</summary>
internal abstract class DraftCommand(DraftDesk desk) : DraftCommand<NoArguments>(desk)
{
    protected sealed override NoArguments ParseArguments(ArgReader args) => NoArguments.Value;

    protected sealed override Task ExecuteAsync(CommandContext context, Draft draft, NoArguments args, CancellationToken cancellationToken) =>
        ExecuteAsync(context, draft, cancellationToken);

    protected abstract Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken);
}

/// <summary>
/// What a draft command declares about a draft beyond its door rule: whom it serves once the draft is found, and what
/// it does to the draft's state. <see cref="DraftButtons"/> reads these declarations to offer only what may be done now.
/// </summary>
internal interface IDraftCommand
{
    CommandInfo Info { get; }

    DraftReach Reach { get; }

    DraftAction? Effect { get; }
}
