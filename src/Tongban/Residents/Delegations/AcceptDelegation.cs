using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Residents.Delegations;

/// <summary>The person a resident named accepts; from now on she can act for the resident, within the scope and dates.</summary>
public sealed class AcceptDelegation(AppDbContext db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>How a proxy's actor names the delegation she acts under (on the trail too).</summary>
    private const string DelegationReason = "delegation:";

    /// <returns>Whether the invitation was open to this person and is now accepted.</returns>
    public async Task<bool> Handle(Guid proxyId, Guid delegationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var proxy = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == proxyId, cancellationToken);
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == delegationId, cancellationToken);
        if (delegation is null || !IsOpenTo(delegation, proxy, now))
        {
            return false;
        }

        delegation.ProxyId = proxyId;
        delegation.AcceptedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.Record(delegation.GrantorId, ProxyActor(delegation), AuditAction.Accepted, AuditSubject.Delegation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>An invitation not yet accepted, revoked or expired, naming this person's mobile or ID number.</summary>
    public static bool IsOpenTo(Delegation delegation, Resident person, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        ArgumentNullException.ThrowIfNull(person);
        return delegation.ProxyId is null && delegation.RevokedAt is null && !delegation.IsExpired(now) && delegation.GrantorId != person.Id
            && ((delegation.ProxyMobile is not null && delegation.ProxyMobile == person.MobileNumber)
                || (delegation.ProxyIdNumber is not null && delegation.ProxyIdNumber == person.IdNumber));
    }

    /// <summary>The proxy as the grantor's trail names her: with the name the grantor gave her, under this delegation.</summary>
    public static Actor ProxyActor(Delegation delegation)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        return new(ActorKind.Proxy, delegation.ProxyId, delegation.ProxyName, Channel.Online, DelegationReason + delegation.Id);
    }

    /// <summary>The delegation a proxy acts under, from <see cref="ProxyActor"/>; null for anyone else.</summary>
    public static Guid? DelegationOf(Actor actor) =>
        actor is { Kind: ActorKind.Proxy, Reason: { } reason } && reason.StartsWith(DelegationReason, StringComparison.Ordinal) && Guid.TryParse(reason[DelegationReason.Length..], out var id) ? id : null;
}
