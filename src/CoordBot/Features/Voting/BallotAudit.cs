using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Voting;

/// <summary>The audit of ballots that have no vote of their own to be logged in.</summary>
internal static class BallotAudit
{
    /// <summary>Writes a refusal that has no vote of its own to attach to (an unknown or forged vote) to the audit log.</summary>
    public static void Refused(UpdateContext context, string what) =>
        context.Audit("ballot.refused", $"user {context.Actor.UserId}: {what}");
}
