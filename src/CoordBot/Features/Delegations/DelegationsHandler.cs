using System.Globalization;
using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// <c>/delegations [page]</c>: every delegation with its head and whether a group is linked, a page at a time
/// (<see cref="ListPage"/>), each with a button that opens it (<c>/delegation EST</c>).
/// </summary>
internal sealed class DelegationsHandler(CouncilProvider council) : Command<int>
{
    public override CommandInfo Info { get; } = new("delegations", "/delegations", "Every delegation: code, head, linked group") { Rule = Rules.Member, Where = ChatScope.CouncilChat };

    // Words after the command were always ignored; a first word that is a number now picks the page.
    protected override int Parse(ArgReader args) =>
        int.TryParse(args.Rest(optional: true).Split(' ', 2)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;

    protected override async Task ExecuteAsync(CommandContext context, int requested, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var heads = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && m.Role == DelegationRole.Head)
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.DelegationCode, p.DisplayName })
            .ToDictionaryAsync(x => x.DelegationCode, x => x.DisplayName, cancellationToken);
        var groups = await db.DelegationGroups.AsNoTracking().Select(g => g.DelegationCode).ToListAsync(cancellationToken);

        var language = context.Update.Language;
        // English keeps its order; the other languages sort the names as they are written there.
        var order = language == Languages.English ? StringComparer.OrdinalIgnoreCase : StringComparer.Create(Languages.Culture(language), ignoreCase: true);
        var all = council.Council.Members.OrderBy(m => m.NameIn(language), order).ToList();
        var page = ListPage.Of(all, requested);
        var heading = page.Heading(language);
        var text = new StringBuilder($"<b>{Html.Escape(council.Council.NameIn(language))}</b>").Append(heading.Length == 0 ? string.Empty : $" ({heading})").Append('\n');
        foreach (var member in page.Entries)
        {
            text.Append(context.Text(
                    "Delegations.Row",
                    Html.Code(member.Code),
                    Html.Escape(member.NameIn(language)),
                    Catalogue.Text(language, member.Permanent ? "Member.Permanent" : "Member.Elected"),
                    heads.TryGetValue(member.Code, out var head) ? Html.Escape(head) : Catalogue.Text(language, "Delegations.NoHead"),
                    Catalogue.Text(language, groups.Contains(member.Code) ? "Delegations.GroupLinked" : "Delegations.NoGroup")))
                .Append('\n');
        }

        var buttons = page.Entries
            .Select(m => CommandButton.For(Shortened.To(Catalogue.Format(language, "Delegations.Open", m.Code, m.NameIn(language)), 40), $"delegation {m.Code}"))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        if (page.Navigation("delegations", language) is { Count: > 0 } navigation)
        {
            buttons.Add(navigation);
        }

        context.Update.Reply(text.ToString().TrimEnd(), buttons);
    }
}
