using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ZoneId).HasMaxLength(64);
        e.Property(x => x.ConvenorCode).HasMaxLength(8);
        e.Property(x => x.MeetingUrl).HasMaxLength(512);
        e.Ignore(x => x.EndUtc);
        e.Ignore(x => x.Label);
        e.HasIndex(x => new { x.CancelledAt, x.StartUtc });
        e.HasIndex(x => x.BodyId);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> e)
    {
        e.HasKey(x => new { x.SessionId, x.DelegationCode });
        e.Property(x => x.DelegationCode).HasMaxLength(8);
    }
}

internal sealed class SessionReminderSentConfiguration : IEntityTypeConfiguration<SessionReminderSent>
{
    public void Configure(EntityTypeBuilder<SessionReminderSent> e) => e.HasKey(x => new { x.SessionId, x.StartUtc, x.OffsetSeconds });
}
