using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls;

/// <summary>
/// What the bookings not cancelled hold at a hall's counters over some days, to tell whether an appointment of a given
/// length fits at a counter: services take different lengths, so a start can be free while the slot before it is held
/// by a longer appointment. Read under the hall-day lock when booking, so that what it says stays true until the commit.
/// </summary>
public sealed class HeldTimes
{
    private readonly ILookup<string, (DateTime From, DateTime To)> held;

    private HeldTimes(ILookup<string, (DateTime From, DateTime To)> held) => this.held = held;

    public static async Task<HeldTimes> Load(AppDbContext db, string hallCode, int hallSlotMinutes, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, to) = (CityTime.StartOfDayUtc(firstDay), CityTime.StartOfDayUtc(lastDay.AddDays(1)));
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.HallCode == hallCode && b.Status != BookingStatus.Cancelled && b.StartsAt >= from && b.StartsAt < to)
            .ToListAsync(cancellationToken);
        return new(bookings.ToLookup(b => b.CounterCode, b => (b.StartsAt, b.EndsAt(hallSlotMinutes)), StringComparer.Ordinal));
    }

    /// <summary>Whether nothing held at the counter overlaps [start, start + minutes).</summary>
    public bool Free(string counterCode, DateTime start, int minutes)
    {
        var end = start.AddMinutes(minutes);
        return !held[counterCode].Any(h => h.From < end && h.To > start);
    }
}
