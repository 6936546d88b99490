using CoordBot.Domain.Membership;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Drafts;

/// <summary>
/// A draft command of the penholder's: declared for those who may hold pens (<see cref="Permissions.MayHoldPens"/>), in a
/// private chat or the sender's delegation's group, and served, once the draft is found, to its penholders only.
/// </summary>
internal abstract class PenholderCommand<TArgs>(DraftDesk desk) : DraftCommand<TArgs>(desk)
{
    protected sealed override DraftReach Reach => DraftReach.Penholder;

    /// <summary>The declaration every penholder's command shares, with its own name, usage, description and example.</summary>
    protected static CommandInfo Declare(string name, string usage, string description, string example) =>
        new(name, usage, description)
        {
            Rule = Rules.Of(Permissions.MayHoldPens),
            Where = ChatScope.CouncilChat,
            Example = example,
        };
}

/// <summary>A penholder's command that takes nothing but the draft's id (a word more is answered with the usage line).</summary>
internal abstract class PenholderCommand(DraftDesk desk) : PenholderCommand<NoArguments>(desk)
{
    protected sealed override NoArguments ParseArguments(ArgReader args) => NoArguments.Value;

    protected sealed override Task ExecuteAsync(CommandContext context, Draft draft, NoArguments args, CancellationToken cancellationToken) =>
        ExecuteAsync(context, draft, cancellationToken);

    protected abstract Task ExecuteAsync(CommandContext context, Draft draft, CancellationToken cancellationToken);
}
