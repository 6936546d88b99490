using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/draft D&lt;n&gt; [v&lt;k&gt;]</c>: a version's text with its header; long texts come in several messages.</summary>
internal sealed class DraftHandler(DraftDesk desk) : ICommandHandler
{
    private const string Usage = "/draft D<n> [v<k>]";

    public CommandInfo Info { get; } = new("draft", Usage, "Read a draft (the current version, or version k)", a => a.IsMember);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.CouncilBusiness(context))
        {
            return;
        }

        var words = context.Command.Words;
        if (words.Count is < 1 or > 2)
        {
            context.Reply($"Usage: {Html.Escape(Usage)}, for example /draft D3 or /draft D3 v2.");
            return;
        }

        var draft = await desk.FindReadableAsync(context, words[0], Usage, cancellationToken);
        if (draft is null)
        {
            return;
        }

        var number = draft.CurrentVersion;
        if (words.Count == 2 && !DraftRefs.TryParseVersion(words[1], out number))
        {
            context.Reply($"Which version? Write it as v1, v2, ...; {draft.Label} has versions v1 to v{draft.CurrentVersion}.");
            return;
        }

        var version = await context.Update.Db.DraftVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.DraftId == draft.Id && v.Number == number, cancellationToken);
        if (version is null)
        {
            context.Reply($"{draft.Label} has no version v{number}: it has versions v1 to v{draft.CurrentVersion}.");
            return;
        }

        context.Reply(desk.FullText(draft, version, DraftDesk.ZoneFor(context)));
    }
}
