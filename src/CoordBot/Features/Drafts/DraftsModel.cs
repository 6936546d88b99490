using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Drafts;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.PenholderCode).HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Symbol).HasMaxLength(40);
        e.Property(x => x.CoPenholders).HasMaxLength(200);
        e.Property(x => x.Sponsors).HasMaxLength(200);
        e.Ignore(x => x.CoPenholderCodes);
        e.Ignore(x => x.SponsorCodes);
        e.Ignore(x => x.PenholderCodes);
        e.Ignore(x => x.HolderCodes);
        e.Property(x => x.Holders).HasMaxLength(400);
        e.Property(x => x.SilenceZone).HasMaxLength(64);
        e.Ignore(x => x.Label);
        e.HasIndex(x => x.Status);
        e.HasIndex(x => x.AgendaItemId);
        e.HasIndex(x => x.BodyId);
        // One number per series, also when two instances adopt at once: the second adoption fails and is answered, never duplicated.
        e.HasIndex(x => new { x.Kind, x.SymbolYear, x.SymbolNumber }).IsUnique();
    }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.AuthorDelegation).HasMaxLength(16);
        e.Property(x => x.OriginalFileId).HasMaxLength(256);
        e.Property(x => x.OriginalFileName).HasMaxLength(256);
        e.Ignore(x => x.ShortHash);
        e.HasIndex(x => new { x.DraftId, x.Number }).IsUnique();
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftCommentConfiguration : IEntityTypeConfiguration<DraftComment>
{
    public void Configure(EntityTypeBuilder<DraftComment> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.DelegationCode).HasMaxLength(16);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.HasIndex(x => new { x.DraftId, x.VersionNumber });
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftAmendmentConfiguration : IEntityTypeConfiguration<DraftAmendment>
{
    public void Configure(EntityTypeBuilder<DraftAmendment> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.DelegationCode).HasMaxLength(16);
        e.Property(x => x.ProposerName).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Ignore(x => x.Label);
        e.Ignore(x => x.ParagraphRef);
        e.Ignore(x => x.Proposed);
        e.HasIndex(x => new { x.DraftId, x.VersionNumber });
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftObjectionConfiguration : IEntityTypeConfiguration<DraftObjection>
{
    public void Configure(EntityTypeBuilder<DraftObjection> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.DelegationCode).HasMaxLength(16);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasIndex(x => new { x.DraftId, x.VersionNumber });
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftHoldConfiguration : IEntityTypeConfiguration<DraftHold>
{
    public void Configure(EntityTypeBuilder<DraftHold> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.DelegationCode).HasMaxLength(16);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasIndex(x => new { x.DraftId, x.DelegationCode });
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftCirculationConfiguration : IEntityTypeConfiguration<DraftCirculation>
{
    public void Configure(EntityTypeBuilder<DraftCirculation> e)
    {
        e.HasKey(x => new { x.DraftId, x.DelegationCode });
        e.Property(x => x.DelegationCode).HasMaxLength(16);
        e.HasOne<Draft>().WithMany().HasForeignKey(x => x.DraftId).OnDelete(DeleteBehavior.Restrict);
    }
}
