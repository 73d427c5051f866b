using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls.Queue;

/// <summary>
/// A clerk calls the next ticket to her counter, by the rule the hall shows on its display (<see cref="Order"/>): the
/// green channel first, then appointments whose time has come, then walk-ins in order, then appointments that came
/// early. Only tickets for services her counter handles. Calling the next closes the one she called before (served).
/// Two counters calling at once never get the same ticket: each call is a conditional update on a ticket not yet called.
/// </summary>
public sealed class CallNextTicket(AppDbContext db, CatalogueStore catalogue, TimeProvider clock)
{
    /// <summary>An appointment is called from this long before its time.</summary>
    public static readonly TimeSpan CallEarly = TimeSpan.FromMinutes(5);

    /// <summary>The waiting tickets in the order they are called.</summary>
    public static IEnumerable<QueueTicket> Order(IEnumerable<QueueTicket> waiting, DateTime now) =>
        waiting.OrderBy(q => q.Green ? 0 : q.DueAt is { } due ? (due <= now + CallEarly ? 1 : 3) : 2)
            .ThenBy(q => q.Green ? DateTime.MinValue : q.DueAt ?? DateTime.MinValue)
            .ThenBy(q => q.Number);

    /// <summary>The counter's services at the hall, or null when the hall has no such counter.</summary>
    public async Task<HallCounter?> Counter(string hallCode, string? counterCode, CancellationToken cancellationToken) =>
        (await catalogue.Current(cancellationToken)).Hall(hallCode)?.Capacity?.Counters.FirstOrDefault(c => c.Code == counterCode);

    public async Task<QueueTicket?> Handle(string hallCode, HallCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        await Close(hallCode, counter.Code, today, missed: false, cancellationToken);
        var services = counter.Services;
        var waiting = await db.QueueTickets.AsNoTracking()
            .Where(q => q.HallCode == hallCode && q.Day == today && q.CalledAt == null && services.Contains(q.ServiceCode))
            .ToListAsync(cancellationToken);
        foreach (var next in Order(waiting, now))
        {
            var called = await db.QueueTickets.Where(q => q.Id == next.Id && q.CalledAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(q => q.CalledAt, now).SetProperty(q => q.CalledTo, counter.Code), cancellationToken);
            if (called == 1)
            {
                return await db.QueueTickets.AsNoTracking().SingleAsync(q => q.Id == next.Id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The ticket called to this counter and not there: released, counted as missed.</summary>
    public Task Missed(string hallCode, string counterCode, CancellationToken cancellationToken) =>
        Close(hallCode, counterCode, clock.Today(), missed: true, cancellationToken);

    private Task<int> Close(string hallCode, string counterCode, DateOnly today, bool missed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.QueueTickets.Where(q => q.HallCode == hallCode && q.Day == today && q.CalledTo == counterCode && q.ServedAt == null && q.MissedAt == null);
        return missed
            ? open.ExecuteUpdateAsync(u => u.SetProperty(q => q.MissedAt, now), cancellationToken)
            : open.ExecuteUpdateAsync(u => u.SetProperty(q => q.ServedAt, now), cancellationToken);
    }
}
