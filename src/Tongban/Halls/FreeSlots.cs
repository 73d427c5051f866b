using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls;

/// <summary>One day she may book, and the times with a counter still free for the service (none: closed or fully booked).</summary>
public sealed record FreeDay(DateOnly Day, bool Open, IReadOnlyList<TimeOnly> Free);

/// <summary>The next 14 days at a hall for one service: each time at which a counter that handles it has no booking yet.</summary>
public sealed class FreeSlots(AppDbContext db, HallSlots slots, TimeProvider clock)
{
    public async Task<IReadOnlyList<FreeDay>> Handle(ServiceHall hall, string serviceCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var counters = hall.Capacity?.BookableFor(serviceCode).Select(c => c.Code).ToList() ?? [];
        if (counters.Count == 0)
        {
            return [];
        }

        var days = HallSlots.BookableDays(clock.Today()).ToList();
        var (from, to) = (CityTime.StartOfDayUtc(days[0]), CityTime.StartOfDayUtc(days[^1].AddDays(1)));
        var taken = await db.Bookings.AsNoTracking()
            .Where(b => b.HallCode == hall.Code && counters.Contains(b.CounterCode) && b.Status != BookingStatus.Cancelled && b.StartsAt >= from && b.StartsAt < to)
            .GroupBy(b => b.StartsAt).Select(g => new { StartsAt = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.StartsAt, g => g.Count, cancellationToken);
        return days.Select(day =>
        {
            var times = slots.On(hall.Capacity!, day);
            var free = times.Where(time => taken.GetValueOrDefault(CityTime.StartOfDayUtc(day) + time.ToTimeSpan()) < counters.Count).ToList();
            return new FreeDay(day, times.Count > 0, free);
        }).ToList();
    }
}
