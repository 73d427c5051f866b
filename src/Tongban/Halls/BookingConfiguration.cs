using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Halls;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.Property(b => b.Reference).HasMaxLength(16);
        builder.HasIndex(b => b.Reference).IsUnique();
        builder.Property(b => b.HallCode).HasMaxLength(64);
        builder.Property(b => b.CounterCode).HasMaxLength(16);
        builder.Property(b => b.ServiceCode).HasMaxLength(64);
        builder.Property(b => b.BookedBy).HasMaxLength(100);
        builder.Property(b => b.CancelledBecause).HasMaxLength(Closures.HallClosure.MaxReasonLength);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);

        // One booking per counter slot: the filter is the same SQL on SQLite and PostgreSQL.
        builder.HasIndex(b => new { b.HallCode, b.CounterCode, b.StartsAt }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        builder.HasIndex(b => new { b.ResidentId, b.ServiceCode, b.Status });
    }
}
