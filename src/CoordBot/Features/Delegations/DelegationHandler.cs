using System.Text;
using CoordBot.Council;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/delegation [CODE]</c>: the members of one delegation (default: mine) and their roles.</summary>
internal sealed class DelegationHandler(CouncilProvider council, DelegationsText words) : Command<string?>
{
    public override CommandInfo Info { get; } = new("delegation", "/delegation [CODE]", "The members of a delegation and their roles")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/delegation EST",
    };

    protected override string? Parse(ArgReader args) => args.OptionalCode();

    protected override async Task ExecuteAsync(CommandContext context, string? requested, CancellationToken cancellationToken)
    {
        var code = requested ?? context.Actor.DelegationCode;
        if (code is null)
        {
            context.Reply(context.Text("Delegation.Which"));
            return;
        }

        if (!council.Council.IsMember(code))
        {
            context.Reply(words.NotACouncilMember(code, context.Update.Language));
            return;
        }

        var db = context.Update.Db;
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.DelegationCode == code && m.EndedAt == null)
            .Join(db.People, m => m.UserId, p => p.UserId, (m, p) => new { m.UserId, m.Role, p.DisplayName, p.Username, m.JoinedAt })
            .ToListAsync(cancellationToken);
        var group = await db.DelegationGroups.AsNoTracking().SingleOrDefaultAsync(g => g.DelegationCode == code, cancellationToken);

        var language = context.Update.Language;
        var text = new StringBuilder(context.Text(
            council.Council.IsPermanent(code) ? "Delegation.HeaderPermanent" : "Delegation.HeaderElected",
            Html.Escape(council.Council.NameOf(code, language)),
            code)).Append('\n');
        if (members.Count == 0)
        {
            text.Append(context.Text("Delegation.NoMembers")).Append('\n');
        }

        foreach (var member in members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt))
        {
            var username = member.Username is null ? string.Empty : $" (@{Html.Escape(member.Username)})";
            text.Append(context.Text("Delegation.Member", RoleNames.Describe(member.Role, language), Html.Escape(member.DisplayName), username, member.UserId)).Append('\n');
        }

        text.Append(group is null
            ? context.Text("Delegation.NoGroup")
            : context.Text("Delegation.Group", Html.Escape(group.Title ?? Catalogue.Text(language, "Delegation.Untitled"))));
        context.Reply(text.ToString());
    }
}
