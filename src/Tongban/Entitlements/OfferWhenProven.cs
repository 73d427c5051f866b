using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Residents.Identity;

namespace Tongban.Entitlements;

/// <summary>Her ID number just proven: the job looks at once for what she is entitled to, for her alone.</summary>
public sealed class OfferWhenProven(AppDbContext db, JobScheduler jobs, TimeProvider clock) : IIdNumberProvenReaction
{
    public async Task Follow(Guid residentId, CancellationToken cancellationToken)
    {
        await jobs.Schedule(FindEntitlements.JobKind, FindEntitlements.For(residentId), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
