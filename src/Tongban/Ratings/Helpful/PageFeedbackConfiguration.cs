using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Ratings.Helpful;

internal sealed class PageFeedbackConfiguration : IEntityTypeConfiguration<PageFeedback>
{
    public void Configure(EntityTypeBuilder<PageFeedback> builder)
    {
        builder.ToTable("PageFeedback");
        builder.Property(f => f.ServiceCode).HasMaxLength(64);
        builder.Property(f => f.Reason).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(f => new { f.ServiceCode, f.At });
    }
}
