using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;

namespace Tongban.Halls;

/// <summary>
/// The reminder of an appointment on the working day before it, at 10:00, on her way of being told: when, where, the
/// reference to check in with, and how to cancel if she cannot come (so that someone else can have the time). Once: by
/// its key; not for a booking cancelled meanwhile.
/// </summary>
public sealed class RemindOfBooking(AppDbContext db, CatalogueStore catalogue, WriteNotification write, IStringLocalizer<SharedResource> t) : IJobHandler
{
    public const string JobKind = "BookingReminder";

    public static readonly TimeOnly At = new(10, 0);

    public string Kind => JobKind;

    /// <summary>10:00 on the last working day before the appointment's day; null when that has passed (she booked late: the confirmation is enough).</summary>
    public static DateTime? When(Booking booking, WorkingDayCalendar calendar, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(calendar);
        var day = DateOnly.FromDateTime(CityTime.Local(booking.StartsAt)).AddDays(-1);
        for (var tries = 0; tries < 30 && !calendar.IsWorkingDay(day); tries++)
        {
            day = day.AddDays(-1);
        }

        var at = CityTime.StartOfDayUtc(day) + At.ToTimeSpan();
        return at > now ? at : null;
    }

    public static string Key(Guid bookingId) => $"booking-reminder:{bookingId:N}";

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var booking = Guid.TryParse(subject, out var id) ? await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) : null;
        if (booking is not { Status: BookingStatus.Booked } || await db.Notifications.AnyAsync(n => n.Key == Key(id), cancellationToken))
        {
            return null;
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var hall = snapshot.Hall(booking.HallCode);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == booking.ResidentId, cancellationToken);
        var reference = CaseReference.Display(booking.Reference);
        var (title, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = snapshot.Service(booking.ServiceCode)?.Name.In(culture) ?? booking.ServiceCode;
            var when = CityTime.Local(booking.StartsAt).ToString("f", culture);
            return (t["Appointment {0}: {1}", reference, name].Value,
                t["Booking.Reminder", name, when, hall?.Name.In(culture) ?? booking.HallCode, hall?.Address.In(culture) ?? "", reference].Value);
        });
        write.Handle(resident, null, Key(id), title, text, reference, "/me/bookings");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
