using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoordBot.Features.Delegations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).ValueGeneratedNever();
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.TelegramLanguage).HasMaxLength(Localization.Languages.MaxTagLength);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        // The database itself enforces "at most one delegation per user" in each body (issue 25: a person may sit on several).
        e.HasIndex(x => new { x.BodyId, x.UserId }).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        e.HasIndex(x => new { x.BodyId, x.DelegationCode, x.EndedAt });
    }
}

internal sealed class DelegationGroupConfiguration : IEntityTypeConfiguration<DelegationGroup>
{
    public void Configure(EntityTypeBuilder<DelegationGroup> e)
    {
        // One group per delegation of each body; a group serves one delegation of one body.
        e.HasKey(x => new { x.BodyId, x.DelegationCode });
        e.HasIndex(x => x.ChatId).IsUnique();
        e.Property(x => x.Language).HasMaxLength(8);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.HasKey(x => x.Token);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.BodyId);
    }
}

internal sealed class PresidencyOverrideConfiguration : IEntityTypeConfiguration<PresidencyOverride>
{
    public void Configure(EntityTypeBuilder<PresidencyOverride> e) => e.HasKey(x => new { x.BodyId, x.Year, x.Month });
}
