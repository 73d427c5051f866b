using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Ratings.Rectifications;

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> builder)
    {
        builder.ToTable("Rectifications");
        builder.HasIndex(r => new { r.RatingId, r.Round }).IsUnique();
        builder.HasIndex(r => new { r.DepartmentCode, r.AnsweredAt });
        builder.HasIndex(r => r.CaseId);
        builder.Property(r => r.ServiceCode).HasMaxLength(64);
        builder.Property(r => r.DepartmentCode).HasMaxLength(64);
        builder.Property(r => r.ContactNote).HasMaxLength(Rectification.MaxTextLength);
        builder.Property(r => r.Found).HasMaxLength(Rectification.MaxTextLength);
        builder.Property(r => r.Changed).HasMaxLength(Rectification.MaxTextLength);
        builder.Property(r => r.AnsweredBy).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Rating>().WithMany().HasForeignKey(r => r.RatingId);
    }
}
