using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Halls.Closures;

/// <summary>What an operator closed at a hall on one day: the whole hall (and why), or some of its counters.</summary>
public sealed record DayClosures(string? HallClosedBecause, IReadOnlySet<string> Counters)
{
    public static readonly DayClosures None = new(null, new HashSet<string>(StringComparer.Ordinal));

    public bool WholeHall => HallClosedBecause is not null;

    public bool Closes(string counterCode) => WholeHall || Counters.Contains(counterCode);
}

public static class HallDays
{
    /// <summary>
    /// Serialises what changes a hall's day: a booking, a queue ticket, a closure. A booking that took its slot before a
    /// closure is moved or cancelled by it; one after sees the closure. Same key on every node.
    /// </summary>
    public static Task LockHallDay(this AppDbContext db, string hallCode, DateOnly day, CancellationToken cancellationToken) =>
        db.Lock($"hall:{hallCode}:{day:yyyyMMdd}", cancellationToken);

    public static async Task<IReadOnlyDictionary<DateOnly, DayClosures>> ClosuresOf(this AppDbContext db, string hallCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var closures = await db.HallClosures.AsNoTracking().Where(c => c.HallCode == hallCode && c.Day >= from && c.Day <= to).ToListAsync(cancellationToken);
        return closures.GroupBy(c => c.Day).ToDictionary(
            g => g.Key,
            g => new DayClosures(g.FirstOrDefault(c => c.WholeHall)?.Reason, g.Where(c => !c.WholeHall).Select(c => c.CounterCode).ToHashSet(StringComparer.Ordinal)));
    }

    public static async Task<DayClosures> ClosuresOn(this AppDbContext db, string hallCode, DateOnly day, CancellationToken cancellationToken) =>
        (await db.ClosuresOf(hallCode, day, day, cancellationToken)).GetValueOrDefault(day) ?? DayClosures.None;
}
