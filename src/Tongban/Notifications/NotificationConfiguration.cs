using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Notifications.Letters;
using Tongban.Residents;

namespace Tongban.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Key).HasMaxLength(80);
        builder.Property(n => n.Reference).HasMaxLength(20);
        builder.Property(n => n.LinkPath).HasMaxLength(100);
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
        builder.HasOne<PrintBatch>().WithMany().HasForeignKey(n => n.PrintBatchId);
    }
}

internal sealed class PrintBatchConfiguration : IEntityTypeConfiguration<PrintBatch>
{
    public void Configure(EntityTypeBuilder<PrintBatch> builder)
    {
        builder.ToTable("PrintBatches");
        builder.Property(b => b.StartedBy).HasMaxLength(100);
        builder.Property(b => b.PostedBy).HasMaxLength(100);
        builder.HasIndex(b => b.StartedAt);
    }
}
