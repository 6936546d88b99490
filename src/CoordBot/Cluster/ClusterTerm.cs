namespace CoordBot.Cluster;

/// <summary>
/// The current term of an elected role (<see cref="Leadership.Key"/>): raised by one each time an instance wins the
/// role, so every claim and record the holder writes can prove it still holds it (<see cref="Fence"/>).
/// </summary>
public sealed class ClusterTerm
{
    public int Role { get; set; }

    public long Term { get; set; }

    public DateTime StartedAt { get; set; }
}

internal sealed class ClusterTermConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ClusterTerm>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ClusterTerm> builder)
    {
        builder.HasKey(x => x.Role);
        builder.Property(x => x.Role).ValueGeneratedNever();
    }
}
