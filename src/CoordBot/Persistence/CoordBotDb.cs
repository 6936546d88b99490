using CoordBot.Features.Agenda;
using CoordBot.Features.Delegations;
using CoordBot.Features.Drafts;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>The bot's one database. Features add their entities through <see cref="IEntityTypeConfiguration{TEntity}"/> classes in their own folders.</summary>
/// <remarks>
/// Not sealed for one reason: <see cref="PostgreSqlCoordBotDb"/> is the same model under its own type, so each
/// provider keeps its own migrations (EF finds migrations by the context's type).
/// </remarks>
public class CoordBotDb : DbContext
{
    public CoordBotDb(DbContextOptions<CoordBotDb> options)
        : base(options)
    {
        ChangeTracker.Tracked += StampWhenAdded;
    }

    /// <summary>For the provider's own context type, given options built for <see cref="CoordBotDb"/>.</summary>
    protected CoordBotDb(DbContextOptions options)
        : base(options)
    {
        ChangeTracker.Tracked += StampWhenAdded;
    }

    /// <summary>
    /// A row gets the body in scope when it is added, not when it is saved: a job's body is in scope only inside its unit
    /// of work (an async-local set inside the lambda, which saves after it returns), so a row stamped at save time fell to
    /// the first body. (An update's body is entered before its step, so its save runs in scope too.)
    /// </summary>
    private static void StampWhenAdded(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
    {
        if (!e.FromQuery && e.Entry.State == EntityState.Added && e.Entry.Entity is IBodyOwned { BodyId: 0 } owned && BodyScope.CurrentId is { } body)
        {
            owned.BodyId = body;
        }
    }

    public DbSet<InboxUpdate> InboxUpdates => Set<InboxUpdate>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Features.Bodies.Body> Bodies => Set<Features.Bodies.Body>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<DelegationGroup> DelegationGroups => Set<DelegationGroup>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<PresidencyOverride> PresidencyOverrides => Set<PresidencyOverride>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotLogEntry> BallotLog => Set<BallotLogEntry>();

    public DbSet<ExplanationOfVote> Explanations => Set<ExplanationOfVote>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionAttendance> SessionAttendances => Set<SessionAttendance>();

    public DbSet<SessionReminderSent> SessionRemindersSent => Set<SessionReminderSent>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<AgendaSpeaker> AgendaSpeakers => Set<AgendaSpeaker>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();

    public DbSet<DraftComment> DraftComments => Set<DraftComment>();

    public DbSet<DraftAmendment> DraftAmendments => Set<DraftAmendment>();

    public DbSet<DraftCirculation> DraftCirculations => Set<DraftCirculation>();

    public DbSet<DraftObjection> DraftObjections => Set<DraftObjection>();

    public DbSet<DraftHold> DraftHolds => Set<DraftHold>();

    /// <summary>
    /// Set when this context works inside a shared transaction (a batch of updates): values read once
    /// for the whole transaction. Null for an ordinary unit of work.
    /// </summary>
    public TransactionMemo? Memo { get; internal set; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ForgetStaleMemo();
        StampBodies();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ForgetStaleMemo();
        StampBodies();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>A change to an entity type a memo value was read from makes the memo stale (e.g. /setpresident).</summary>
    private void ForgetStaleMemo()
    {
        if (Memo is not { IsEmpty: false } memo)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if ((entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && memo.DependsOn(entry.Metadata.ClrType))
            {
                memo.Clear();
                return;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxUpdate>(e =>
        {
            e.HasKey(x => x.UpdateId);
            e.Property(x => x.UpdateId).ValueGeneratedNever();
            e.HasIndex(x => x.ProcessedAt);
            // Only the updates still to handle, which are few beside the handled ones kept for retention: the next ones in
            // order (SQLite's read, PostgreSQL's claim) and a chat's oldest (the claim of a chat on PostgreSQL) are found
            // through these without reading the handled rows (measured: a claim read every row of the table).
            e.HasIndex(x => x.UpdateId, "IX_InboxUpdates_Pending").HasFilter("\"ProcessedAt\" IS NULL");
            e.HasIndex(x => new { x.ChatId, x.UpdateId }).HasFilter("\"ProcessedAt\" IS NULL");
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Status, x.ChatId, x.Id });
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            // The rows no sender has loaded yet, in order: the sender's claim on PostgreSQL reads only these, not the sent ones
            // nor those it holds in memory.
            e.HasIndex(x => x.Id, "IX_OutboxMessages_NeverLoaded").HasFilter(OutboxSql.NeverLoaded);
            e.Property(x => x.DocumentFileId).HasMaxLength(256);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.BodyId);
        });
        EntityConfigurations.Apply(modelBuilder, typeof(CoordBotDb).Assembly);
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IBodyOwned).IsAssignableFrom(t)).ToList())
        {
            FilterByBodyMethod.MakeGenericMethod(type).Invoke(this, [modelBuilder]);
        }
    }

    private static readonly System.Reflection.MethodInfo FilterByBodyMethod =
        typeof(CoordBotDb).GetMethod(nameof(FilterByBody), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    /// <summary>
    /// The body whose rows queries see: the body in scope (<see cref="BodyScope"/>) for an update or a job of one body;
    /// null (every body) outside any scope, for the start-up, the operators' tools and the retention sweep.
    /// </summary>
    public int? BodyFilter => BodyScope.CurrentId;

    // Declared on the instance, so EF reads BodyFilter from the context running each query, not from the one that built the model.
    private void FilterByBody<T>(ModelBuilder modelBuilder)
        where T : class, IBodyOwned =>
        modelBuilder.Entity<T>().HasQueryFilter(x => BodyFilter == null || x.BodyId == BodyFilter);

    /// <summary>
    /// At save, a row still without a body (added outside any body's scope: <see cref="StampWhenAdded"/> stamps the others
    /// as they are added) belongs to the body in scope, else to the first body.
    /// </summary>
    private void StampBodies()
    {
        foreach (var entry in ChangeTracker.Entries<IBodyOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.BodyId == 0)
            {
                entry.Entity.BodyId = BodyScope.CurrentId ?? BodyScope.DefaultId;
            }
        }
    }
}
