using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Cases;

namespace Tongban.Ratings.Counter;

internal sealed class CounterRatingTokenConfiguration : IEntityTypeConfiguration<CounterRatingToken>
{
    public void Configure(EntityTypeBuilder<CounterRatingToken> builder)
    {
        builder.ToTable("CounterRatingTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
        builder.HasOne<Residents.Assisted.AssistedSession>().WithMany().HasForeignKey(t => t.VisitId);
    }
}
