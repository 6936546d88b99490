using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/linkgroup</c>, in a group: this group becomes the delegation's group for drafts, reminders and results.</summary>
internal sealed class LinkGroupHandler(CouncilProvider council, Menus.PersonalMenus menus) : Command
{
    public override CommandInfo Info { get; } = new("linkgroup", "/linkgroup", "In a group: make it your delegation's group")
    {
        Rule = Rules.Of(Permissions.MayLinkGroup),
        Where = ChatScope.Group,
    };

    protected override async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var update = context.Update;
        var code = context.Actor.DelegationCode!; // the rule admits only a head or deputy of a delegation
        var db = update.Db;
        var other = await db.DelegationGroups.SingleOrDefaultAsync(g => g.ChatId == update.ChatId, cancellationToken);
        if (other is not null && other.DelegationCode != code)
        {
            context.Reply(context.Text("LinkGroup.Taken"));
            return;
        }

        var title = update.Update.Message?.Chat.Title;
        var group = await db.DelegationGroups.SingleOrDefaultAsync(g => g.DelegationCode == code, cancellationToken);
        if (group is null)
        {
            db.DelegationGroups.Add(new DelegationGroup { DelegationCode = code, ChatId = update.ChatId, Title = title, LinkedBy = context.Actor.UserId, LinkedAt = update.NowUtc });
        }
        else
        {
            menus.RefreshGroup(group.ChatId);
            group.ChatId = update.ChatId;
            group.Title = title;
            group.LinkedBy = context.Actor.UserId;
            group.LinkedAt = update.NowUtc;
        }

        menus.RefreshGroup(update.ChatId);
        update.Audit("group.linked", $"{code} linked chat {update.ChatId} by {context.Actor.UserId}");
        context.Reply(context.Text("LinkGroup.Linked", Html.Escape(council.Council.NameOf(code, context.Update.Language))));
    }
}
