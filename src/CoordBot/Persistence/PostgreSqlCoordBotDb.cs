using CoordBot.Features.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoordBot.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that its migrations (Persistence/Migrations/PostgreSql,
/// tagged with this type) stay apart from SQLite's: EF's documented pattern of one context type per provider.
/// Everyone else sees a <see cref="CoordBotDb"/>.
/// </summary>
public sealed class PostgreSqlCoordBotDb(DbContextOptions options) : CoordBotDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // The bot's instants are UTC, but SQLite hands them back unlabelled and some are built unlabelled;
        // PostgreSQL's timestamptz takes only UTC-labelled values. Labelling on the way in and out keeps both engines' semantics.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcLabel>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcLabel>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // A ballot's time is part of its hash, to the tick (100 ns); timestamptz keeps microseconds, so a ballot read
        // back would no longer match its own hash. Ticks keep it exact (and still order like the instants they are).
        modelBuilder.Entity<BallotLogEntry>().Property(e => e.AtUtc).HasConversion(
            v => v.Ticks,
            v => new DateTime(v, DateTimeKind.Utc));

        // Optimistic concurrency on the aggregates that delegations in many chats change (and so instances side by side):
        // PostgreSQL's own row version (the system column xmin, nothing stored) is compared by every update EF writes, so
        // a change made on what another instance has since changed fails and the update is handled again (Contention).
        // A vote needs none: its row is locked wherever it changes.
        modelBuilder.Entity<Features.Drafts.Draft>().Property<uint>(RowVersion).IsRowVersion();
        modelBuilder.Entity<Features.Sessions.Session>().Property<uint>(RowVersion).IsRowVersion();
        modelBuilder.Entity<Features.Agenda.AgendaItem>().Property<uint>(RowVersion).IsRowVersion();
    }

    /// <summary>PostgreSQL's row version, as Npgsql maps a <see cref="uint"/> row version.</summary>
    private const string RowVersion = "xmin";

    private sealed class UtcLabel() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
