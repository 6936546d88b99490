using CoordBot.Domain;
using CoordBot.Domain.Membership;
using Actor = CoordBot.Telegram.Routing.Actor;

namespace CoordBot.Features.Drafts;

/// <summary>The door rules of the Drafts commands that need the sender's presidency as well (see <see cref="Permissions"/>).</summary>
internal static class DraftRules
{
    /// <summary>The chair, or someone who could hold the draft's pen (whether they hold THIS one is checked after the lookup).</summary>
    public static readonly Func<Actor, Verdict> StartSilence = a => Permissions.MayStartSilence(a.Rights, a.PresidentCode);
}
