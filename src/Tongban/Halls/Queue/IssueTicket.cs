using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Halls.Closures;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents;

namespace Tongban.Halls.Queue;

public sealed record TicketResult(QueueTicket? Ticket, IReadOnlyList<FieldError> Problems, bool AlreadyIssued = false);

/// <summary>
/// Queue tickets at the hall's door, given by a clerk: a booking checked in (by the reference in her message, or by her
/// ID card) or a walk-in for a service the hall handles. Numbers are the hall's for the day,
/// each given once: taken under a lock on the hall and the day, and held by a unique index. A booking gives one ticket
/// however often it is checked in. The green channel is hers when her proven ID number says she is 60 or over, or when
/// the clerk who sees her ticks it (a disability, a pregnancy, an elder without her card).
/// </summary>
public sealed class IssueTicket(AppDbContext db, CatalogueStore catalogue, HallSlots slots, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>How early before her time she can check in.</summary>
    public static readonly TimeSpan EarliestCheckIn = TimeSpan.FromMinutes(60);

    public const int GreenChannelAge = 60;

    public async Task<TicketResult> CheckIn(string hallCode, string? referenceOrIdNumber, bool green, Actor clerk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var (from, to) = (CityTime.StartOfDayUtc(today), CityTime.StartOfDayUtc(today.AddDays(1)));
        var todays = db.Bookings.Where(b => b.HallCode == hallCode && b.StartsAt >= from && b.StartsAt < to);
        Booking? booking;
        if (CaseReference.Normalize(referenceOrIdNumber) is { } reference)
        {
            booking = await todays.SingleOrDefaultAsync(b => b.Reference == reference, cancellationToken);
        }
        else
        {
            var id = ResidentIdNumber.Normalize(referenceOrIdNumber);
            var resident = id.Length == 18 ? await db.Residents.AsNoTracking().Where(r => r.IdNumber == id).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken) : null;
            booking = resident is null ? null : await todays.Where(b => b.ResidentId == resident && b.Status != BookingStatus.Cancelled).OrderBy(b => b.StartsAt).FirstOrDefaultAsync(cancellationToken);
        }

        if (booking is { Status: BookingStatus.Cancelled, CancelledBecause: { } why })
        {
            return Refused("Reference", t["Her appointment was cancelled when the hall closed it: {0}", why]);
        }

        if (booking is null || booking.Status == BookingStatus.Cancelled)
        {
            return Refused("Reference", t["No appointment today at this hall under that reference or ID number. She can take a walk-in ticket."]);
        }

        var at = CityTime.Local(booking.StartsAt).ToString("t", System.Globalization.CultureInfo.CurrentCulture);
        if (booking.Status == BookingStatus.NoShow)
        {
            return Refused("Reference", t["Her appointment at {0} was released: she was not checked in within {1} minutes of it. Give her a walk-in ticket.", at, (int)ReleaseNoShow.Grace.TotalMinutes]);
        }

        if (booking.StartsAt - EarliestCheckIn > now)
        {
            return Refused("Reference", t["Her appointment is at {0}: she can check in from {1} minutes before.", at, (int)EarliestCheckIn.TotalMinutes]);
        }

        var ageGreen = await IsElder(booking.ResidentId, today, cancellationToken);
        var result = await Issue(hallCode, today, booking.ServiceCode, booking.ResidentId, booking, green || ageGreen, cancellationToken);
        if (!result.AlreadyIssued)
        {
            await audit.Record(booking.ResidentId, clerk, AuditAction.Changed, AuditSubject.Booking(CaseReference.Display(booking.Reference), "CheckedIn"), cancellationToken);
        }

        return result;
    }

    public async Task<TicketResult> WalkIn(string hallCode, string? serviceCode, bool green, CancellationToken cancellationToken)
    {
        var hall = (await catalogue.Current(cancellationToken)).Hall(hallCode);
        if (hall?.Capacity is not { } capacity || serviceCode is null || !capacity.Counters.Any(c => c.Services.Contains(serviceCode, StringComparer.Ordinal)))
        {
            return Refused("Service", t["No counter at this hall handles that service. Choose one from the list."]);
        }

        var today = clock.Today();
        if (slots.On(capacity, today).Count == 0)
        {
            return Refused("Service", t["The hall is closed today."]);
        }

        if ((await db.ClosuresOn(hallCode, today, cancellationToken)).HallClosedBecause is { } why)
        {
            return Refused("Service", t["The hall is closed today: {0}", why]);
        }

        return await Issue(hallCode, today, serviceCode, null, null, green, cancellationToken);
    }

    private async Task<bool> IsElder(Guid residentId, DateOnly today, CancellationToken cancellationToken)
    {
        var id = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleOrDefaultAsync(cancellationToken);
        return id is not null && ResidentIdNumber.BirthDate(id) is { } born && born.AddYears(GreenChannelAge) <= today;
    }

    private async Task<TicketResult> Issue(string hallCode, DateOnly day, string serviceCode, Guid? residentId, Booking? booking, bool green, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockHallDay(hallCode, day, cancellationToken);
        if (booking is not null && await db.QueueTickets.AsNoTracking().SingleOrDefaultAsync(q => q.BookingId == booking.Id, cancellationToken) is { } issued)
        {
            return new(issued, [], AlreadyIssued: true);
        }

        var number = (await db.QueueTickets.Where(q => q.HallCode == hallCode && q.Day == day).MaxAsync(q => (int?)q.Number, cancellationToken) ?? 0) + 1;
        var ticket = new QueueTicket
        {
            Id = Guid.NewGuid(),
            HallCode = hallCode,
            Day = day,
            Number = number,
            ServiceCode = serviceCode,
            ResidentId = residentId,
            BookingId = booking?.Id,
            DueAt = booking?.StartsAt,
            Green = green,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.QueueTickets.Add(ticket);
        if (booking is not null)
        {
            await db.Bookings.Where(b => b.Id == booking.Id && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.CheckedIn), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ticket, []);
    }

    private static TicketResult Refused(string field, string message) => new(null, [new(field, message)]);
}
