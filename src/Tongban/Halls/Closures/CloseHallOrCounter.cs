using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Halls.Closures;

public sealed record CloseResult(HallClosure? Closure, IReadOnlyList<FieldError> Problems);

/// <summary>
/// An operator closes a hall, or one counter, for a day: from today (a typhoon warning) up to <see cref="DaysAhead"/>
/// days ahead. Each appointment that day is moved to another counter that books the service at the same time when one
/// is free (she is told her new counter), or else cancelled with the operator's reason, and she is told with the next
/// free times and a link to choose one. All in one transaction under the hall-day lock that bookings take, so none
/// slips in on a closed day, and every change is on her trail.
/// </summary>
public sealed class CloseHallOrCounter(AppDbContext db, CatalogueStore catalogue, FreeSlots freeSlots, WriteNotification write, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int DaysAhead = 60;

    /// <summary>How many other times the message offers her.</summary>
    private const int TimesOffered = 3;

    public async Task<CloseResult> Handle(string? hallCode, string? counterCode, DateOnly? day, string? reason, Actor operatorActor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorActor);
        var snapshot = await catalogue.Current(cancellationToken);
        var hall = hallCode is null ? null : snapshot.Hall(hallCode);
        counterCode ??= "";
        if (hall?.Capacity is null || (counterCode.Length > 0 && !hall.Capacity.Counters.Any(c => c.Code == counterCode)))
        {
            return Refused("Closing", t["Choose a hall, or one of its counters, from the list."]);
        }

        var today = clock.Today();
        if (day is not { } date || date < today || date > today.AddDays(DaysAhead))
        {
            return Refused("Day", t["Choose a day from today to {0} days ahead.", DaysAhead]);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > HallClosure.MaxReasonLength)
        {
            return Refused("Reason", t["Say why in a sentence of at most {0} characters: the people booked will read it.", HallClosure.MaxReasonLength]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockHallDay(hall.Code, date, cancellationToken);
        var before = await db.ClosuresOn(hall.Code, date, cancellationToken);
        if (before.WholeHall || before.Closes(counterCode))
        {
            return Refused("Closing", t["That is already closed on that day."]);
        }

        var closure = new HallClosure
        {
            Id = Guid.NewGuid(),
            HallCode = hall.Code,
            CounterCode = counterCode,
            Day = date,
            Reason = reason,
            ClosedBy = operatorActor.Name,
            ClosedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.HallClosures.Add(closure);
        await db.SaveChangesAsync(cancellationToken);

        var closed = await db.ClosuresOn(hall.Code, date, cancellationToken);
        var (from, to) = (CityTime.StartOfDayUtc(date), CityTime.StartOfDayUtc(date.AddDays(1)));
        var now = clock.GetUtcNow().UtcDateTime;
        var affected = await db.Bookings
            .Where(b => b.HallCode == hall.Code && b.Status == BookingStatus.Booked && b.StartsAt >= from && b.StartsAt < to && b.StartsAt > now && (counterCode == "" || b.CounterCode == counterCode))
            .OrderBy(b => b.StartsAt).ToListAsync(cancellationToken);
        var nextFree = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        foreach (var booking in affected)
        {
            if (await FreeCounter(hall.Capacity, booking, closed, cancellationToken) is { } other)
            {
                booking.CounterCode = other;
                closure.Moved++;
                await db.SaveChangesAsync(cancellationToken);
                await Tell(booking, hall, snapshot, closure, operatorActor, [], cancellationToken);
            }
            else
            {
                (booking.Status, booking.CancelledAt, booking.CancelledBecause) = (BookingStatus.Cancelled, now, reason);
                closure.Cancelled++;
                await db.SaveChangesAsync(cancellationToken);
                // Cancelling on the closed day frees no time she could book: the next free times are found once per service.
                if (!nextFree.TryGetValue(booking.ServiceCode, out var next))
                {
                    next = (await freeSlots.Handle(hall, booking.ServiceCode, cancellationToken))
                        .SelectMany(d => d.Free.Select(time => CityTime.StartOfDayUtc(d.Day) + time.ToTimeSpan())).Take(TimesOffered).ToList();
                    nextFree[booking.ServiceCode] = next;
                }

                await Tell(booking, hall, snapshot, closure, operatorActor, next, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(closure, []);
    }

    /// <summary>Another counter open that day that books her service and holds nothing for as long as hers takes (the hall-day lock keeps it so).</summary>
    private async Task<string?> FreeCounter(HallCapacity capacity, Booking booking, DayClosures closed, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(CityTime.Local(booking.StartsAt));
        var held = await HeldTimes.Load(db, booking.HallCode, capacity.SlotMinutes, day, day, cancellationToken);
        var minutes = booking.Minutes ?? capacity.SlotMinutes;
        return capacity.BookableFor(booking.ServiceCode).Select(c => c.Code)
            .FirstOrDefault(c => c != booking.CounterCode && !closed.Closes(c) && held.Free(c, booking.StartsAt, minutes));
    }

    /// <summary>
    /// In her language, on her way of being told: the new counter (a booking still booked was moved), or the reason with
    /// the <paramref name="next"/> free times and where to choose one.
    /// </summary>
    private async Task Tell(Booking booking, ServiceHall hall, CatalogueSnapshot snapshot, HallClosure closure, Actor operatorActor, List<DateTime> next, CancellationToken cancellationToken)
    {
        var moved = booking.Status == BookingStatus.Booked;
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == booking.ResidentId, cancellationToken);
        var reference = CaseReference.Display(booking.Reference);
        var bookAgain = $"/halls/{hall.Code}/book?service={booking.ServiceCode}";
        var (subject, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = snapshot.Service(booking.ServiceCode)?.Name.In(culture) ?? booking.ServiceCode;
            var when = CityTime.Local(booking.StartsAt).ToString("f", culture);
            if (moved)
            {
                return (t["Appointment {0}: {1}", reference, name].Value, t["Booking.Moved", name, when, hall.Name.In(culture), booking.CounterCode, closure.Reason, reference].Value);
            }

            var times = next.Count == 0 ? t["none in the next {0} days", HallSlots.DaysAhead].Value
                : string.Join(culture.Name == "en" ? "; " : "；", next.Select(at => CityTime.Local(at).ToString("f", culture)));
            return (t["Appointment {0} cancelled: {1}", reference, name].Value, t["Booking.CancelledByHall", name, when, hall.Name.In(culture), closure.Reason, times, reference].Value);
        });
        var key = moved ? $"booking-moved:{booking.Id:N}:{closure.Id:N}" : $"booking-closed:{booking.Id:N}";
        write.Handle(resident, null, key, subject, text, reference, moved ? "/me/bookings" : bookAgain);
        await audit.Record(booking.ResidentId, operatorActor, AuditAction.Changed, AuditSubject.Booking(reference, moved ? "Moved" : "ClosedByHall"), cancellationToken);
    }

    private static CloseResult Refused(string field, string message) => new(null, [new(field, message)]);
}
