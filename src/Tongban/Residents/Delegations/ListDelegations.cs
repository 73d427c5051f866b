using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Delegations;

/// <summary>One delegation as its page shows it, with the other side's name.</summary>
public sealed record DelegationLine(Delegation Delegation, string OtherName);

public sealed record DelegationLists(IReadOnlyList<DelegationLine> Given, IReadOnlyList<DelegationLine> Received, IReadOnlyList<DelegationLine> Invitations);

/// <summary>The delegations a resident gave, the ones she holds for others, and invitations waiting for her answer.</summary>
public sealed class ListDelegations(AppDbContext db, TimeProvider clock)
{
    public async Task<DelegationLists> Handle(Guid residentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        var given = await db.Delegations.AsNoTracking().Where(d => d.GrantorId == residentId).OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var mine = await db.Delegations.AsNoTracking()
            .Where(d => d.ProxyId == residentId
                || (d.ProxyId == null && d.RevokedAt == null && ((me.MobileNumber != null && d.ProxyMobile == me.MobileNumber) || (me.IdNumber != null && d.ProxyIdNumber == me.IdNumber))))
            .OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        var grantorIds = mine.Select(d => d.GrantorId).Distinct().ToList();
        var grantors = await db.Residents.AsNoTracking().Where(r => grantorIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        DelegationLine Received(Delegation d) => new(d, ResidentName.Of(grantors[d.GrantorId]));
        return new(
            given.Select(d => new DelegationLine(d, d.ProxyName)).ToList(),
            mine.Where(d => d.ProxyId == residentId).Select(Received).ToList(),
            mine.Where(d => d.ProxyId is null && AcceptDelegation.IsOpenTo(d, me, now)).Select(Received).ToList());
    }
}
