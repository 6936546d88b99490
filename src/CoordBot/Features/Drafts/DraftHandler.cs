using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Drafts;

/// <summary><c>/draft D&lt;n&gt; [v&lt;k&gt;]</c>: a version's text with its header; long texts come in several messages.</summary>
internal sealed class DraftHandler(DraftDesk desk) : DraftCommand<string?>(desk)
{
    public override CommandInfo Info { get; } = new("draft", "/draft D<n> [v<k>]", "Read a draft (the current version, or version k)")
    {
        Rule = Rules.Of(Permissions.MayOpenDrafts),
        Where = ChatScope.CouncilChat,
        Example = "/draft D3 or /draft D3 v2", ExampleKey = "Walk8.Example.draft",
    };

    // The version is read after the lookup: its answer names the versions the draft has.
    protected override string? ParseArguments(ArgReader args) => args.OptionalText();

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, string? versionWord, CancellationToken cancellationToken)
    {
        var number = draft.CurrentVersion;
        if (versionWord is not null && !DraftRefs.TryParseVersion(versionWord, out number))
        {
            context.Reply(context.Text("Drafts.WhichVersion", draft.Label, draft.CurrentVersion));
            return;
        }

        var version = await context.Update.Db.DraftVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.DraftId == draft.Id && v.Number == number, cancellationToken);
        if (version is null)
        {
            context.Reply(context.Text("Drafts.NoSuchVersion", draft.Label, number, draft.CurrentVersion));
            return;
        }

        var language = context.Update.Language;
        context.Update.Reply(Desk.FullText(language, draft, version, DraftDesk.ZoneFor(context)), Desk.Buttons.For(draft, context.Actor, language, offerRead: number != draft.CurrentVersion));
    }
}
