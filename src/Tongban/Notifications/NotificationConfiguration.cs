using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Residents;

namespace Tongban.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Key).HasMaxLength(80);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Subject).HasMaxLength(200);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(12);
        builder.Property(n => n.Address).HasMaxLength(Resident.MaxAddressLength);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.LastError).HasMaxLength(500);
        builder.HasIndex(n => new { n.ResidentId, n.CreatedAt });
        builder.HasIndex(n => n.Status);
        builder.HasOne<Resident>().WithMany().HasForeignKey(n => n.ResidentId);
    }
}
