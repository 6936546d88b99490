using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Voting;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Matter).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Symbol).HasMaxLength(40);
        e.HasIndex(x => x.DraftId);
        e.HasIndex(x => x.BodyId);
        e.Ignore(x => x.Voting);
        e.Ignore(x => x.Recused);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> e)
    {
        // One current vote per delegation per vote, enforced by the database too.
        e.HasKey(x => new { x.VoteId, x.DelegationCode });
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(8);
    }
}

internal sealed class BallotLogEntryConfiguration : IEntityTypeConfiguration<BallotLogEntry>
{
    public void Configure(EntityTypeBuilder<BallotLogEntry> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.VoteId, x.Sequence }).IsUnique();
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(8);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
    }
}

internal sealed class ExplanationOfVoteConfiguration : IEntityTypeConfiguration<ExplanationOfVote>
{
    public void Configure(EntityTypeBuilder<ExplanationOfVote> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.VoteId);
    }
}
