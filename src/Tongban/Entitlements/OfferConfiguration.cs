using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Entitlements;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("Offers");
        builder.Property(o => o.ServiceCode).HasMaxLength(64);
        builder.Property(o => o.Occasion).HasMaxLength(40);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Reference).HasMaxLength(16);
        builder.Property(o => o.ReplyCodeHash).HasMaxLength(64);
        builder.Property(o => o.AnsweredChannel).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.AnsweredBy).HasMaxLength(100);
        builder.Property(o => o.LastContact).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();

        // Once, never twice: the job on several nodes at once inserts, and the second insert fails here.
        builder.HasIndex(o => new { o.ResidentId, o.ServiceCode, o.Occasion }).IsUnique();
        builder.HasIndex(o => o.Reference).IsUnique();
        builder.HasIndex(o => new { o.Status, o.CreatedAt });
    }
}
