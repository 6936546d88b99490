using CoordBot.Council;
using CoordBot.Domain.Presidency;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Who presides in a month: the rule 18 rotation from the council file, with operators' overrides.
/// Months are counted in UTC. Inside a batch of updates the rotation is read once per transaction
/// (<see cref="CoordBotDb.Memo"/>); /setpresident saving an override, or a rolled-back update, makes it read again.
/// </summary>
public sealed class PresidencyService(CouncilProvider council)
{
    private const string MemoKey = "presidency-rotation";

    public Task<PresidencyRotation> RotationAsync(CoordBotDb db, CancellationToken cancellationToken) =>
        db.Memo is { } memo
            // One rotation per body (issue 25): a batch may hold updates of several bodies.
            ? memo.GetOrLoadAsync($"{MemoKey}:{BodyScope.CurrentId}", typeof(PresidencyOverride), () => LoadAsync(db, cancellationToken))
            : LoadAsync(db, cancellationToken);

    public async Task<string> PresidentCodeAsync(CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken) =>
        (await RotationAsync(db, cancellationToken)).PresidentFor(nowUtc.Year, nowUtc.Month);

    private async Task<PresidencyRotation> LoadAsync(CoordBotDb db, CancellationToken cancellationToken)
    {
        var overrides = await db.PresidencyOverrides.AsNoTracking().ToListAsync(cancellationToken);
        return PresidencyRotation.For(council.Council, overrides.ToDictionary(o => (o.Year, o.Month), o => o.DelegationCode));
    }
}
