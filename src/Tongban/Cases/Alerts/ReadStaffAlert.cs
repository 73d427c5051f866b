using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Cases.Alerts;

/// <summary>Her alerts: the unread ones for the workbench, and marking one read (only her own).</summary>
public sealed class ReadStaffAlert(AppDbContext db, TimeProvider clock)
{
    public const int Shown = 20;

    public async Task<IReadOnlyList<StaffAlert>> Unread(Guid staffId, CancellationToken cancellationToken) =>
        await db.StaffAlerts.AsNoTracking().Where(a => a.StaffMemberId == staffId && a.ReadAt == null)
            .OrderByDescending(a => a.CreatedAt).Take(Shown).ToListAsync(cancellationToken);

    public async Task<bool> MarkRead(Guid staffId, Guid alertId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.StaffAlerts.Where(a => a.Id == alertId && a.StaffMemberId == staffId && a.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReadAt, now), cancellationToken) == 1;
    }
}
