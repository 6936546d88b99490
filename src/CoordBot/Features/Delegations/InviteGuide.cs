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
        new("Delegation", "Which delegation is the invitation for? Tap it, or write its code or name.")
        {
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(council.Council.Members
                .Where(m => RoleNames.Words.Values.Any(role => Permissions.MayInvite(scope.Actor.Rights, m.Code, role).IsAllowed))
                .Select(m => new GuideChoice(m.Name, m.Code))
                .ToList()),
            ChoicesPerRow = 3,
        },
        new("Role", "Which role will the person have?")
        {
            Choices = (scope, _) => Task.FromResult<IReadOnlyList<GuideChoice>>(RoleNames.Words
                .DistinctBy(w => w.Value)
                .Where(w => Permissions.MayInvite(scope.Actor.Rights, scope.Answers[0], w.Value).IsAllowed)
                .Select(w => new GuideChoice(RoleNames.Describe(w.Value), w.Key))
                .ToList()),
        },
    ];
}
