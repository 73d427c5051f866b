using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Residents.Delegations;

/// <summary>Either side ends a delegation (or the invited person declines it), at once.</summary>
public sealed class RevokeDelegation(AppDbContext db, TimeProvider clock, AuditTrail audit)
{
    /// <returns>Whether this person is a side of the delegation (otherwise nothing changes).</returns>
    public async Task<bool> Handle(Guid residentId, Guid delegationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId, cancellationToken);
        if (delegation is null || !(delegation.GrantorId == residentId || delegation.ProxyId == residentId || AcceptDelegation.IsOpenTo(delegation, me, now)))
        {
            return false;
        }

        if (delegation.RevokedAt is not null)
        {
            return true;
        }

        delegation.RevokedAt = now;
        delegation.RevokedBy = residentId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (delegation.GrantorId != residentId)
        {
            await audit.Record(delegation.GrantorId, AcceptDelegation.ProxyActor(delegation) with { Id = residentId }, AuditAction.Revoked, AuditSubject.Delegation, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
