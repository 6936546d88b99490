using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Bodies;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> e)
    {
        e.HasKey(x => x.Id);
        // Ids are given by the start-up that registers the configured bodies, so a body keeps its id across starts.
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Key).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Key).IsUnique();
    }
}
