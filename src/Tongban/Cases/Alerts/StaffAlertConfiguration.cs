using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Staff;

namespace Tongban.Cases.Alerts;

internal sealed class StaffAlertConfiguration : IEntityTypeConfiguration<StaffAlert>
{
    public void Configure(EntityTypeBuilder<StaffAlert> builder)
    {
        builder.ToTable("StaffAlerts");
        builder.Property(a => a.Reference).HasMaxLength(16);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Key).HasMaxLength(80);
        builder.HasIndex(a => new { a.StaffMemberId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.StaffMemberId, a.ReadAt, a.CreatedAt });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.StaffMemberId);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
    }
}
