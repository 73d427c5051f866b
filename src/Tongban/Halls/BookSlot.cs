using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Halls.Closures;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Halls;

public enum BookOutcome
{
    Booked,

    /// <summary>Every counter's slot at that time was taken (perhaps a moment ago): nothing booked.</summary>
    Taken,

    /// <summary>She has a booking for this service still to come: one at a time.</summary>
    AlreadyBooked,

    /// <summary>Not a time she can book: past, too far ahead, closed, not a slot, or a service the hall does not book.</summary>
    Invalid,

    /// <summary>The appointment she was changing is no longer hers to change (cancelled, passed, or another service's).</summary>
    NotChangeable,
}

public sealed record BookResult(BookOutcome Outcome, IReadOnlyList<FieldError> Problems, Booking? Booking = null);

/// <summary>
/// Books a slot at a hall for one service, for her (by herself or by someone acting for her): one booking to come per
/// service per resident (checked under a key lock on her and the service), and a counter's time given once (under the
/// hall-day lock, with the unique index behind it; a counter taken tries the next that handles the service). Given the
/// booking she is changing, the old one is cancelled in the same transaction as the new one is made: she never ends up
/// with both, nor with neither.
/// </summary>
public sealed class BookSlot(AppDbContext db, CatalogueStore catalogue, HallSlots slots, WriteNotification write, JobScheduler jobs, WorkingDayCalendar calendar, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<BookResult> Handle(Guid residentId, Actor actor, string hallCode, string serviceCode, DateOnly day, TimeOnly time, CancellationToken cancellationToken, Guid? replacing = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var snapshot = await catalogue.Current(cancellationToken);
        var hall = snapshot.Hall(hallCode);
        var counters = hall?.Capacity?.BookableFor(serviceCode).Select(c => c.Code).ToList() ?? [];
        if (hall?.Capacity is null || counters.Count == 0)
        {
            return Invalid("Service", t["This hall does not take appointments for this service. Choose another service or hall."]);
        }

        var today = clock.Today();
        if (day <= today)
        {
            return Invalid("Slot", t["That time has passed or is today. Choose a time from tomorrow."]);
        }

        if (day > today.AddDays(HallSlots.DaysAhead))
        {
            return Invalid("Slot", t["Appointments open {0} days ahead. Choose an earlier day.", HallSlots.DaysAhead]);
        }

        var minutes = hall.Capacity.MinutesOf(serviceCode);
        if (!slots.On(hall.Capacity, day, minutes).Contains(time))
        {
            return Invalid("Slot", t["The hall takes no appointment at that time (it is closed, or it is not the start of a slot). Choose one of the times shown."]);
        }

        if (Closed(await db.ClosuresOn(hallCode, day, cancellationToken), day, counters) is { } closedResult)
        {
            return closedResult;
        }

        var startsAt = CityTime.StartOfDayUtc(day) + time.ToTimeSpan();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var counter in counters)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Lock($"booking:{residentId:N}:{serviceCode}", cancellationToken);
            await db.LockHallDay(hallCode, day, cancellationToken);
            var closures = await db.ClosuresOn(hallCode, day, cancellationToken);
            if (closures.WholeHall)
            {
                return Closed(closures, day, counters)!;
            }

            if (closures.Closes(counter))
            {
                continue;
            }

            var old = replacing is null ? null : await db.Bookings.SingleOrDefaultAsync(
                b => b.Id == replacing && b.ResidentId == residentId && b.ServiceCode == serviceCode && b.Status == BookingStatus.Booked && b.StartsAt > now, cancellationToken);
            if (replacing is not null && old is null)
            {
                return new(BookOutcome.NotChangeable, [new("Slot", t["The appointment you were changing is no longer open (cancelled, passed or moved). Book a new time below."])]);
            }

            if (old is not null)
            {
                (old.Status, old.CancelledAt) = (BookingStatus.Cancelled, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (await db.Bookings.AnyAsync(b => b.ResidentId == residentId && b.ServiceCode == serviceCode && b.Status == BookingStatus.Booked && b.StartsAt > now, cancellationToken))
            {
                return new(BookOutcome.AlreadyBooked, [new("Service", t["You already have an appointment for this service. Cancel it first to choose another time."])]);
            }

            if (!(await HeldTimes.Load(db, hallCode, hall.Capacity.SlotMinutes, day, day, cancellationToken)).Free(counter, startsAt, minutes))
            {
                // This counter is taken: its transaction rolls back, the old booking's cancel with it, so nothing tracked may outlive it.
                db.ChangeTracker.Clear();
                continue;
            }

            var booking = new Booking
            {
                Id = Guid.NewGuid(),
                Reference = CaseReference.New(),
                HallCode = hallCode,
                CounterCode = counter,
                ServiceCode = serviceCode,
                ResidentId = residentId,
                StartsAt = startsAt,
                Minutes = minutes,
                Status = BookingStatus.Booked,
                CreatedAt = now,
                BookedBy = actor.IsResident(residentId) ? null : actor.Name,
            };
            db.Bookings.Add(booking);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone else took this counter's slot between the look and the insert: try the next counter.
                db.ChangeTracker.Clear();
                continue;
            }

            if (RemindOfBooking.When(booking, calendar, now) is { } remindAt)
            {
                jobs.ScheduleForNewSubject(RemindOfBooking.JobKind, booking.Id.ToString(), remindAt);
            }

            jobs.ScheduleForNewSubject(Queue.ReleaseNoShow.JobKind, booking.Id.ToString(), startsAt + Queue.ReleaseNoShow.Grace);
            await Confirm(booking, hall, snapshot.Service(serviceCode), cancellationToken);
            await audit.Record(residentId, actor, AuditAction.Created, AuditSubject.Booking(CaseReference.Display(booking.Reference)), cancellationToken);
            if (old is not null)
            {
                await audit.Record(residentId, actor, AuditAction.Changed, AuditSubject.Booking(CaseReference.Display(old.Reference), "Rebooked"), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new(BookOutcome.Booked, [], booking);
        }

        return new(BookOutcome.Taken, [new("Slot", t["Sorry, that time has just been taken. Choose another time."])]);
    }

    /// <summary>The confirmation on her way of being told, in her language: when, where, what to bring, whether she can get in without steps.</summary>
    private async Task Confirm(Booking booking, ServiceHall hall, Service? service, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == booking.ResidentId, cancellationToken);
        var reference = CaseReference.Display(booking.Reference);
        var (subject, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = service?.Name.In(culture) ?? booking.ServiceCode;
            var bring = string.Join(culture.Name == "en" ? "; " : "；", service?.Materials.Select(m => m.Name.In(culture)) ?? []);
            var when = CityTime.Local(booking.StartsAt).ToString("f", culture);
            var access = hall.StepFree ? t["The hall has step-free access."].Value : t["The hall has no step-free access: call {0} and staff will help you in.", hall.Phone].Value;
            return (t["Appointment {0}: {1}", reference, name].Value,
                t["Booking.Confirmation", name, when, hall.Name.In(culture), hall.Address.In(culture), bring.Length > 0 ? bring : t["nothing in particular"].Value, access, reference].Value);
        });
        write.Handle(resident, null, $"booking:{booking.Id:N}", subject, text, reference, "/me/bookings");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A refusal when an operator closed the hall that day, or every counter that books the service.</summary>
    private BookResult? Closed(DayClosures closures, DateOnly day, List<string> counters)
    {
        var date = day.ToString("D", System.Globalization.CultureInfo.CurrentCulture);
        return closures.WholeHall ? Invalid("Slot", t["The hall is closed on {0}: {1}. Choose another day.", date, closures.HallClosedBecause!])
            : counters.All(closures.Closes) ? Invalid("Slot", t["No counter for this service is open on {0}. Choose another day.", date])
            : null;
    }

    private static BookResult Invalid(string field, string message) => new(BookOutcome.Invalid, [new(field, message)]);
}
