using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Voting;

/// <summary>
/// /vote sent bare: the open votes the asker's delegation votes in, one tap each; the tap shows that delegation's
/// ballot (<c>/vote D3</c>), whose buttons then cast it as every ballot does (a veto asked first). With no vote open
/// for the delegation, one sentence says so instead of a usage line.
/// </summary>
internal sealed class VoteGuide : Guide
{
    public override string Command => "vote";

    public override bool RunsOnLastAnswer => true;

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        new("Guide.Step.Draft", "Ballots.Guide.VoteQuestion")
        {
            Choices = async (scope, ct) =>
            {
                var open = await scope.Update.Db.Votes.AsNoTracking().Where(v => v.ClosedAt == null).OrderBy(v => v.DraftId).Take(50).ToListAsync(ct);
                return open
                    .Where(v => VotingService.VoterRefusal(scope.Actor, v) is null)
                    .Select(v => new GuideChoice($"D{v.DraftId} {Shortened.To(v.Title, 32)}", $"D{v.DraftId}"))
                    .ToList();
            },
            ChoicesPerRow = 1,
            WhenNone = "Ballots.NoOpenVote",
        },
    ];
}
