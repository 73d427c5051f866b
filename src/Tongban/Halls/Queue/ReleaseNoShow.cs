using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.Halls.Queue;

/// <summary>
/// A booking not checked in <see cref="Grace"/> after its time is a no-show: its counter's time goes to the walk-ins and
/// it is counted in the hall's figures. A conditional update, so a check-in at the same moment wins or loses cleanly.
/// </summary>
public sealed class ReleaseNoShow(AppDbContext db) : IJobHandler
{
    public const string JobKind = "BookingNoShow";

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(subject, out var id))
        {
            var tickets = db.QueueTickets;
            await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Booked && !tickets.Any(q => q.BookingId == id))
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.NoShow), cancellationToken);
        }

        return null;
    }
}
