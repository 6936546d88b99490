using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Agenda;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Penholders).HasMaxLength(200);
        e.Ignore(x => x.Label);
        e.Ignore(x => x.PenholderCodes);
        e.HasIndex(x => new { x.SessionId, x.Position });
        e.HasIndex(x => x.BodyId);
    }
}

internal sealed class AgendaSpeakerConfiguration : IEntityTypeConfiguration<AgendaSpeaker>
{
    public void Configure(EntityTypeBuilder<AgendaSpeaker> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.DelegationCode).HasMaxLength(8);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => new { x.AgendaItemId, x.DelegationCode }).IsUnique();
    }
}
