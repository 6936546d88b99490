using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary><c>/remove &lt;CODE&gt; &lt;user id&gt;</c>: ends a membership; the person is told.</summary>
internal sealed class RemoveHandler(CouncilProvider council, Menus.PersonalMenus menus) : Command<RemoveHandler.Arguments>
{
    // The rule is checked at the door, before the membership is looked up: who belongs where is not for everyone to probe.
    public override CommandInfo Info { get; } = new("remove", "/remove <CODE> <user id>", "End someone's membership of a delegation")
    {
        Rule = Rules.Of(Permissions.MayRemoveSomeone),
        Where = ChatScope.CouncilChat,
        Example = "/remove EST 123456789 (the ids are listed by /delegation EST)", ExampleKey = "Walk8.Example.remove",
    };

    protected override Arguments Parse(ArgReader args) => new(args.Code(), args.Number(1, long.MaxValue));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var (code, userId) = args;
        var db = context.Update.Db;
        var membership = council.Council.IsMember(code)
            ? await db.Memberships.SingleOrDefaultAsync(m => m.DelegationCode == code && m.UserId == userId && m.EndedAt == null, cancellationToken)
            : null;
        if (membership is null)
        {
            context.Reply(context.Text("Remove.NotMember", userId, Html.Escape(code)));
            return;
        }

        if (!Access.Allowed(context, Permissions.MayRemove(context.Actor, code, membership.Role)))
        {
            return;
        }

        membership.EndedAt = context.Update.NowUtc;
        membership.EndedBy = context.Actor.UserId;
        menus.RefreshPerson(userId, code);
        context.Update.Audit("membership.removed", $"user {userId} removed from {code} ({membership.Role}) by {context.Actor.UserId}");
        var language = context.Update.Language;
        context.Reply(context.Text("Remove.Done", userId, RoleNames.Describe(membership.Role, language), Html.Escape(council.Council.NameOf(code, language))));
        var theirs = await ReaderLanguage.OfPersonAsync(context.Update.Db, userId, cancellationToken);
        context.Update.Outbox.Send(userId, Catalogue.Format(theirs, "Remove.Notice", Html.Escape(council.Council.NameOf(code, theirs))));
    }

    internal sealed record Arguments(string Code, long UserId);
}
