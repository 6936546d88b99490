using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/invite &lt;CODE&gt; &lt;role&gt;</c>: a one-time invitation, valid 72 hours.</summary>
internal sealed class InviteHandler(CouncilProvider council, BotIdentity bot, DelegationsText text) : Command<InviteHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("invite", "/invite <CODE> <head|deputy|adviser|observer>", "Invite someone to a delegation (one-time link, 72 hours)")
    {
        Rule = Rules.Of(Permissions.MayInviteSomeone),
        Where = ChatScope.CouncilChat,
        Example = "/invite EST adviser",
    };

    protected override Arguments Parse(ArgReader args) => new(args.Code(), args.Choice(RoleNames.Words));

    protected override Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        if (!council.Council.IsMember(args.Code))
        {
            context.Reply(text.NotACouncilMember(args.Code, context.Update.Language));
            return Task.CompletedTask;
        }

        if (!Access.Allowed(context, Permissions.MayInvite(context.Actor, args.Code, args.Role)))
        {
            return Task.CompletedTask;
        }

        var now = context.Update.NowUtc;
        var token = InvitationRules.NewToken();
        context.Update.Db.Invitations.Add(new Invitation
        {
            Token = token,
            DelegationCode = args.Code,
            Role = args.Role,
            CreatedBy = context.Actor.UserId,
            CreatedAt = now,
        });
        context.Update.Audit("invitation.created", $"{args.Role} of {args.Code} by {context.Actor.UserId}");
        var link = $"https://t.me/{bot.Username}?start={token}";
        var language = context.Update.Language;
        context.Reply(text.Invitation(args.Role, args.Code, Dates.InZoneAndUtc(language, InvitationRules.ExpiresAt(now), context.Actor.TimeZone), link, token, language));
        return Task.CompletedTask;
    }

    internal sealed record Arguments(string Code, DelegationRole Role);
}
