using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Halls.Queue;

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> builder)
    {
        builder.ToTable("QueueTickets");
        builder.Property(q => q.HallCode).HasMaxLength(64);
        builder.Property(q => q.ServiceCode).HasMaxLength(64);
        builder.Property(q => q.CalledTo).HasMaxLength(16);
        builder.Ignore(q => q.Label);
        builder.Ignore(q => q.Wait);
        builder.HasIndex(q => new { q.HallCode, q.Day, q.Number }).IsUnique();
        builder.HasIndex(q => q.BookingId).IsUnique();
        builder.HasIndex(q => new { q.HallCode, q.Day, q.CalledAt });
        builder.HasOne<Booking>().WithMany().HasForeignKey(q => q.BookingId);
    }
}
