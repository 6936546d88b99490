using CoordBot.Domain.Drafts;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Features.Drafts;

/// <summary>
/// Gives an adopted text its symbol, the next number of its kind's series (<see cref="DocumentSymbols"/>), once. Two
/// instances adopting at the same moment cannot both take a number: the unique index on the series refuses the second.
/// </summary>
public sealed class AdoptedSymbols(IOptionsMonitor<SymbolsOptions> options)
{
    /// <summary>The draft's symbol, given now (adopted at <paramref name="nowUtc"/>) if it has none yet.</summary>
    public async Task<string> AssignAsync(CoordBotDb db, Draft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Symbol is { } given)
        {
            return given;
        }

        var kind = draft.Kind;
        var year = nowUtc.Year;
        var series = DocumentSymbols.SeriesYear(kind, year);
        var stored = await db.Drafts.AsNoTracking()
            .Where(d => d.Kind == kind && d.SymbolYear == series && d.SymbolNumber != null)
            .MaxAsync(d => d.SymbolNumber, cancellationToken);
        // Numbers given in this unit of work and not yet saved count too.
        var local = db.Drafts.Local.Where(d => d.Kind == kind && d.SymbolYear == series && d.SymbolNumber != null).Max(d => d.SymbolNumber);
        var number = DocumentSymbols.Next(Math.Max(stored ?? 0, local ?? 0) is var last && last > 0 ? last : null, options.CurrentValue.NextFor(kind, year));
        draft.SymbolYear = series;
        draft.SymbolNumber = number;
        draft.Symbol = DocumentSymbols.Format(kind, year, number);
        draft.AdoptedAt = nowUtc;
        return draft.Symbol;
    }
}
