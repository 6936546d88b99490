using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Telegram.Guides;

namespace CoordBot.Features.Delegations;

/// <summary>/invite sent bare: which delegation, then which role; only what the inviter may offer is on a button.</summary>
internal sealed class InviteGuide(CouncilProvider council) : Guide
{
    public override string Command => "invite";

    public override IReadOnlyList<GuideStep> Steps =>
    [
        new("Guide.Invite.Delegation", "Guide.Invite.DelegationQuestion")
        {
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(council.Council.Members
                .Where(m => RoleNames.Words.Values.Any(role => Permissions.MayInvite(scope.Actor, m.Code, role).IsAllowed))
                .Select(m => new GuideChoice(m.NameIn(scope.Update.Language), m.Code))
                .ToList()),
            ChoicesPerRow = 3,
        },
        new("Guide.Invite.Role", "Guide.Invite.RoleQuestion")
        {
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(RoleNames.Words
                .DistinctBy(w => w.Value)
                .Where(w => Permissions.MayInvite(scope.Actor, scope.Answers[0], w.Value).IsAllowed)
                .Select(w => new GuideChoice(RoleNames.Describe(w.Value, scope.Update.Language), w.Key))
                .ToList()),
        },
    ];
}
