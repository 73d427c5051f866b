using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Halls;

/// <summary>Cancels her booking still to come, freeing its slot at once; a second cancel (or someone else's booking) changes nothing.</summary>
public sealed class CancelBooking(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<bool> Handle(Guid residentId, Guid bookingId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Bookings.Where(b => b.Id == bookingId && b.ResidentId == residentId && b.Status == BookingStatus.Booked && b.StartsAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), cancellationToken);
        if (cancelled == 0)
        {
            return false;
        }

        var reference = await db.Bookings.Where(b => b.Id == bookingId).Select(b => b.Reference).SingleAsync(cancellationToken);
        await audit.Record(residentId, actor, AuditAction.Changed, AuditSubject.Booking(CaseReference.Display(reference)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
