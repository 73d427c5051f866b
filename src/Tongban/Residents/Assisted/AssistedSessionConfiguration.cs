using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Residents.Assisted;

internal sealed class AssistedSessionConfiguration : IEntityTypeConfiguration<AssistedSession>
{
    public void Configure(EntityTypeBuilder<AssistedSession> builder)
    {
        builder.ToTable("AssistedSessions");
        builder.Property(s => s.IdentityCheck).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.ConsentReference).HasMaxLength(64);
        builder.HasIndex(s => new { s.StaffId, s.ResidentId });
        builder.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId);
    }
}
