using Tongban.Catalogue;
using Tongban.Platform.Calendar;

namespace Tongban.Halls;

/// <summary>
/// The appointment times of a hall on a day, in city time: each opening period cut into slots of the hall's length, and
/// a service's appointment starting at any of them that ends within the period (a service that takes two slots is not
/// offered in a period's last slot). Closed on public holidays; a make-up working day (调休)
/// on a weekend opens as a Monday.
/// </summary>
public sealed class HallSlots(WorkingDayCalendar calendar)
{
    /// <summary>How far ahead she can book: today is not offered, the next 14 days are.</summary>
    public const int DaysAhead = 14;

    public IReadOnlyList<TimeOnly> On(HallCapacity capacity, DateOnly day) => On(capacity, day, capacity?.SlotMinutes ?? 0);

    /// <summary>When an appointment of <paramref name="minutes"/> may start on that day.</summary>
    public IReadOnlyList<TimeOnly> On(HallCapacity capacity, DateOnly day, int minutes)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        if (calendar.IsPublicHoliday(day))
        {
            return [];
        }

        var weekday = calendar.IsMakeUpWorkingDay(day) ? DayOfWeek.Monday : day.DayOfWeek;
        var (slot, length) = (TimeSpan.FromMinutes(capacity.SlotMinutes), TimeSpan.FromMinutes(minutes));
        var times = new List<TimeOnly>();
        foreach (var period in capacity.Hours.GetValueOrDefault(weekday) ?? [])
        {
            for (var start = period.From; period.To.ToTimeSpan() - start.ToTimeSpan() >= length; start = start.Add(slot))
            {
                times.Add(start);
            }
        }

        return times;
    }

    /// <summary>The days she may book on, seen from <paramref name="today"/>: tomorrow to 14 days ahead.</summary>
    public static IEnumerable<DateOnly> BookableDays(DateOnly today) => Enumerable.Range(1, DaysAhead).Select(today.AddDays);
}
