using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls.Queue;

/// <summary>What the hall's display shows: the tickets called now, to which counter; and how many wait, by service.</summary>
public sealed record QueueBoardView(IReadOnlyList<QueueTicket> Called, IReadOnlyList<QueueTicket> Waiting, DateTime At);

public sealed class QueueBoard(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many of the latest calls the display lists.</summary>
    public const int CallsShown = 8;

    public async Task<QueueBoardView> Handle(string hallCode, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var tickets = db.QueueTickets.AsNoTracking().Where(q => q.HallCode == hallCode && q.Day == today);
        var called = await tickets.Where(q => q.CalledAt != null && q.MissedAt == null).OrderByDescending(q => q.CalledAt).Take(CallsShown).ToListAsync(cancellationToken);
        var waiting = CallNextTicket.Order(await tickets.Where(q => q.CalledAt == null).ToListAsync(cancellationToken), now).ToList();
        return new(called, waiting, now);
    }
}
