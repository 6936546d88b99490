using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/invite &lt;CODE&gt; &lt;role&gt;</c>: a one-time invitation, valid 72 hours.</summary>
internal sealed class InviteHandler(CouncilProvider council, BotIdentity bot) : ICommandHandler
{
    public CommandInfo Info { get; } = new(
        "invite",
        "/invite <CODE> <head|deputy|adviser|observer>",
        "Invite someone to a delegation (one-time link, 72 hours)",
        a => a.IsOperator || a.IsHeadOrDeputy);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Command.Words is not [var codeText, var roleText] || !RoleNames.TryParse(roleText, out var role))
        {
            context.Reply("Usage: /invite &lt;CODE&gt; &lt;head|deputy|adviser|observer&gt;, for example /invite EST adviser");
            return Task.CompletedTask;
        }

        var code = codeText.ToUpperInvariant();
        if (!council.Council.IsMember(code))
        {
            context.Reply($"{Html.Escape(codeText)} is not a member of the council. Send /delegations to see the codes.");
            return Task.CompletedTask;
        }

        if (!Access.Allowed(context, Permissions.MayInvite(context.Actor.Rights, code, role)))
        {
            return Task.CompletedTask;
        }

        var now = context.Update.NowUtc;
        var token = InvitationRules.NewToken();
        context.Update.Db.Invitations.Add(new Invitation
        {
            Token = token,
            DelegationCode = code,
            Role = role,
            CreatedBy = context.Actor.UserId,
            CreatedAt = now,
        });
        context.Update.Audit("invitation.created", $"{role} of {code} by {context.Actor.UserId}");
        var link = $"https://t.me/{bot.Username}?start={token}";
        context.Reply(
            $"Invitation for the {RoleNames.Describe(role)} of {Html.Escape(council.Council.NameOf(code))}, valid once until {TimeDisplay.InZoneAndUtc(InvitationRules.ExpiresAt(now), context.Actor.TimeZone)}.\n" +
            $"Link: {Html.Escape(link)}\nToken: {Html.Code(token)}\n" +
            "Give it to that person only: whoever opens it first joins.");
        return Task.CompletedTask;
    }
}
