using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Tongban.Catalogue;

namespace Tongban.Halls;

/// <summary>
/// A booking as an iCalendar file (RFC 5545, written by Ical.Net) to add to her phone's calendar: one event at the
/// hall's address, times in UTC (her calendar shows them in its own time zone), the reference and what to bring in the
/// description. Its UID is the booking's, so that adding it twice does not make two entries.
/// </summary>
public static class BookingCalendarFile
{
    public static string Write(Booking booking, ServiceHall? hall, string title, string description, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var start = DateTime.SpecifyKind(booking.StartsAt, DateTimeKind.Utc);
        var minutes = booking.Minutes ?? hall?.Capacity?.SlotMinutes ?? 30;
        var appointment = new CalendarEvent
        {
            Uid = $"{booking.Id:N}@tongban",
            Summary = title,
            Description = description,
            Location = hall?.Address.Current,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(minutes)),
        };
        var calendar = new Calendar { ProductId = "-//Tongban//Hall appointments//EN" };
        calendar.Events.Add(appointment);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
