using Microsoft.EntityFrameworkCore;
using Tongban.Insights;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls.Queue;

/// <summary>One row of a hall's waits. Null figures: fewer than <see cref="QueueWaits.Smallest"/> tickets called, suppressed.</summary>
/// <param name="Group">The service code, the hour ("09"), the queue (G/B/W) or the age band.</param>
/// <param name="Called">Tickets called (served or missed).</param>
/// <param name="MedianMinutes">The median wait, in minutes.</param>
/// <param name="WithinQuarterHour">The share called within 15 minutes.</param>
public sealed record WaitRow(string Group, int Called, double? MedianMinutes, double? WithinQuarterHour);

/// <summary>A hall's waits over the last days, as published: overall, by service, by hour of arrival, by queue and by age band; and the no-shows.</summary>
public sealed record HallWaits(WaitRow Overall, IReadOnlyList<WaitRow> ByService, IReadOnlyList<WaitRow> ByHour, IReadOnlyList<WaitRow> ByQueue, IReadOnlyList<WaitRow> ByAge, int Missed, int Booked, int NoShows, DateOnly From, DateOnly To);

/// <summary>
/// How long people waited at a hall: each called ticket's wait (<see cref="QueueTicket.Wait"/>), its median and the
/// share called within 15 minutes, by service, hour of arrival, queue (green channel, appointment, walk-in) and age band
/// (only of residents who agreed to count in the statistics); tickets called and not there; appointments not kept.
/// Groups of fewer than 10 tickets show only their count, so that no one person's wait can be picked out.
/// </summary>
public sealed class QueueWaits(AppDbContext db, TimeProvider clock)
{
    public const int Smallest = 10;
    public const int Days = 28;
    public static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    public async Task<HallWaits> Handle(string hallCode, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var from = today.AddDays(-Days);
        var tickets = await db.QueueTickets.AsNoTracking().Where(q => q.HallCode == hallCode && q.Day >= from && q.CalledAt != null).ToListAsync(cancellationToken);
        var residentIds = tickets.Where(q => q.ResidentId is not null).Select(q => q.ResidentId!.Value).Distinct().ToList();
        var ages = (await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => ResidentGroups.Of(r, today)[0]);
        var (start, end) = (CityTime.StartOfDayUtc(from), CityTime.StartOfDayUtc(today.AddDays(1)));
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.HallCode == hallCode && b.StartsAt >= start && b.StartsAt < end && b.StartsAt < clock.GetUtcNow().UtcDateTime && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        static IReadOnlyList<WaitRow> By(IEnumerable<QueueTicket> all, Func<QueueTicket, string> key) =>
            all.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g)).ToList();

        return new(
            Row("all", tickets),
            By(tickets, q => q.ServiceCode),
            By(tickets, q => CityTime.Local(q.IssuedAt).Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
            By(tickets, q => q.Label[..1]),
            By(tickets, q => q.ResidentId is { } id ? ages.GetValueOrDefault(id, Dimension.Unknown) : Dimension.Unknown),
            tickets.Count(q => q.MissedAt is not null),
            bookings.Sum(b => b.Count),
            bookings.Where(b => b.Key == BookingStatus.NoShow).Sum(b => b.Count),
            from,
            today);
    }

    /// <summary>The figures of one group of called tickets; suppressed under <see cref="Smallest"/>.</summary>
    public static WaitRow Row(string group, IEnumerable<QueueTicket> called)
    {
        var waits = called.Select(q => q.Wait!.Value).Order().ToList();
        if (waits.Count < Smallest)
        {
            return new(group, waits.Count, null, null);
        }

        var middle = waits.Count / 2;
        var median = waits.Count % 2 == 1 ? waits[middle] : (waits[middle - 1] + waits[middle]) / 2;
        return new(group, waits.Count, Math.Round(median.TotalMinutes, 1), (double)waits.Count(w => w <= QuarterHour) / waits.Count);
    }
}
