using Microsoft.EntityFrameworkCore;
using Tongban.Insights;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Halls.Queue;

/// <summary>
/// The halls' queue tickets called in the last twelve months, for the observatory's measure of who waits longest in
/// person (<see cref="Measure.HallWaits"/>): each counted on the counter channel, in the groups of whom it was for.
/// </summary>
public sealed class HallVisitsForInsights(AppDbContext db) : IInsightSource
{
    public async Task Count(InsightCounting counting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counting);
        var tickets = db.QueueTickets.AsNoTracking().Where(q => q.CalledAt >= counting.Since);
        await foreach (var q in tickets.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counting.Counter.AddHallVisit(counting.GroupsOf(q.ResidentId), DateOnly.FromDateTime(CityTime.Local(q.CalledAt!.Value)),
                q.Wait <= QueueWaits.QuarterHour, counting.DepartmentOf(q.ServiceCode), q.ServiceCode);
        }
    }
}
