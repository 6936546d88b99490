using CoordBot.Council;
using CoordBot.Domain.Presidency;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Who presides in a month: the rule 18 rotation from the council file, with operators' overrides.
/// Months are counted in UTC.
/// </summary>
public sealed class PresidencyService(CouncilProvider council)
{
    public async Task<PresidencyRotation> RotationAsync(CoordBotDb db, CancellationToken cancellationToken)
    {
        var overrides = await db.PresidencyOverrides.AsNoTracking().ToListAsync(cancellationToken);
        return PresidencyRotation.For(council.Council, overrides.ToDictionary(o => (o.Year, o.Month), o => o.DelegationCode));
    }

    public async Task<string> PresidentCodeAsync(CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken) =>
        (await RotationAsync(db, cancellationToken)).PresidentFor(nowUtc.Year, nowUtc.Month);
}
