using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Cases;
using Tongban.Ratings.Rectifications;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("Ratings");
        builder.HasIndex(r => r.CaseId).IsUnique();
        builder.HasIndex(r => r.VisitId).IsUnique();
        builder.HasIndex(r => new { r.ServiceCode, r.RatedAt });
        builder.HasIndex(r => new { r.DepartmentCode, r.RatedAt });
        builder.Property(r => r.ServiceCode).HasMaxLength(64);
        builder.Property(r => r.DepartmentCode).HasMaxLength(64);
        builder.Property(r => r.RatedVia).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RaterKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RaterName).HasMaxLength(100);
        builder.Property(r => r.Comment).HasMaxLength(Rating.MaxCommentLength);
        builder.Property(r => r.AppealDecision).HasMaxLength(Rectification.MaxTextLength);
        builder.Property(r => r.AppealEvidence).HasMaxLength(Rectification.MaxTextLength);
        builder.Property(r => r.AppealedBy).HasMaxLength(100);
        builder.Property(r => r.AppealDecidedBy).HasMaxLength(100);
        builder.HasIndex(r => r.AppealedAt);
        builder.Property(r => r.Dimensions).HasMaxLength(400).HasConversion(
            d => JsonSerializer.Serialize(d, (JsonSerializerOptions?)null),
            s => JsonSerializer.Deserialize<Dictionary<string, int>>(s, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
            new ValueComparer<Dictionary<string, int>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), d => d.Count, d => new Dictionary<string, int>(d)));
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId);
        builder.HasOne<AssistedSession>().WithMany().HasForeignKey(r => r.VisitId);
    }
}
