using Tongban.Catalogue;
using Tongban.Halls.Closures;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls;

/// <summary>
/// One day she may book, and the times with a counter still free for the service (none: closed or fully booked); when an
/// operator closed the whole hall that day, why.
/// </summary>
public sealed record FreeDay(DateOnly Day, bool Open, IReadOnlyList<TimeOnly> Free, string? ClosedBecause = null);

/// <summary>
/// The next 14 days at a hall for one service: each time at which a counter that handles it, and is not closed that day,
/// is held by no booking for as long as the service takes.
/// </summary>
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
        var minutes = hall.Capacity!.MinutesOf(serviceCode);
        var held = await HeldTimes.Load(db, hall.Code, hall.Capacity.SlotMinutes, days[0], days[^1], cancellationToken);
        var closures = await db.ClosuresOf(hall.Code, days[0], days[^1], cancellationToken);
        return days.Select(day =>
        {
            var closed = closures.GetValueOrDefault(day) ?? DayClosures.None;
            var times = closed.WholeHall ? [] : slots.On(hall.Capacity, day, minutes);
            var open = counters.Where(c => !closed.Closes(c)).ToList();
            var free = times.Where(time => open.Any(c => held.Free(c, CityTime.StartOfDayUtc(day) + time.ToTimeSpan(), minutes))).ToList();
            return new FreeDay(day, times.Count > 0, free, closed.HallClosedBecause);
        }).ToList();
    }
}
