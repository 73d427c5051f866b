using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Insights;

internal sealed class InsightCellConfiguration : IEntityTypeConfiguration<InsightCell>
{
    public void Configure(EntityTypeBuilder<InsightCell> builder)
    {
        builder.ToTable("InsightCells");
        builder.Property(c => c.Department).HasMaxLength(64);
        builder.Property(c => c.Service).HasMaxLength(64);
        builder.Property(c => c.Period).HasMaxLength(8);
        builder.Property(c => c.Dimension).HasMaxLength(40);
        builder.Property(c => c.Group).HasMaxLength(80);
        // Every page reads one period of one dimension (or one crossing), for the city, one department or one service. Not unique:
        // the city's cells have no department, and a null is never equal to another in a unique index.
        builder.HasIndex(c => new { c.Period, c.Dimension, c.Department, c.Service, c.Group });
    }
}
