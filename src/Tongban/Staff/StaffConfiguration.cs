using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Staff;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.ToTable("StaffMembers");
        builder.Property(s => s.UserName).HasMaxLength(64);
        builder.HasIndex(s => s.UserName).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(100);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DepartmentCode).HasMaxLength(64);
        builder.Property(s => s.HallCode).HasMaxLength(64);
        builder.Property(s => s.DistrictCode).HasMaxLength(64);
        builder.Property(s => s.PasswordHash).HasMaxLength(200);
        builder.Property(s => s.TotpSecret).HasMaxLength(64);
        builder.Property(s => s.SecurityStamp).HasMaxLength(32);
    }
}
