using CoordBot.Domain.Drafts;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/comment</c> and <c>/amend</c>: a draft, an optional §k that exists, and a text (the rest of the line and the
/// lines after it). The draft's state is checked once the input is read.
/// </summary>
internal abstract class DraftInputCommand(DraftDesk desk) : DraftCommand<string>(desk)
{
    /// <summary>What the text does to the draft (comment or amend).</summary>
    protected abstract DraftAction Work { get; }

    public sealed override DraftAction? Effect => Work;

    protected sealed override string ParseArguments(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Rest(optional: true);
    }

    protected sealed override async Task ExecuteAsync(CommandContext context, Draft draft, string args, CancellationToken cancellationToken)
    {
        var input = await DraftInput.ReadAsync(context, Desk, draft, args, Info, cancellationToken, allowInsert: Work == DraftAction.Amend);
        if (input is not null && Proceeds(context, DraftDesk.Check(draft, Work)))
        {
            await ExecuteAsync(context, input, cancellationToken);
        }
    }

    protected abstract Task ExecuteAsync(CommandContext context, DraftInput input, CancellationToken cancellationToken);
}
