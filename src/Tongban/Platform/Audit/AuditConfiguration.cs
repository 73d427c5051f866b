using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Platform.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasIndex(r => new { r.ResidentId, r.Sequence }).IsUnique();
        builder.Property(r => r.ActorKind).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.ActorName).HasMaxLength(100);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Subject).HasMaxLength(100).HasConversion(s => s.ToString(), s => AuditSubject.Parse(s));
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
        // The anchor job finds what waits (null) and proofs find a leaf's record.
        builder.HasIndex(r => r.LogIndex).IsUnique();
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.HasKey(h => h.ResidentId);
        builder.Property(h => h.LastHash).HasMaxLength(64);
    }
}
