using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Identity;

public enum BindOutcome
{
    Bound,

    /// <summary>Another account already holds the number proven: a dispute for a clerk is open.</summary>
    Disputed,

    /// <summary>This account already holds a different proven number; only a clerk can change it.</summary>
    HoldsAnother,
}

/// <summary>
/// Gives a proven ID number to an account. If another account holds it, nothing moves: a dispute goes to a
/// clerk, never silently to whoever was first. Two proofs racing for one number cannot both win: the column is
/// unique, and the loser is told it is disputed.
/// </summary>
public sealed class BindProvenIdNumber(AppDbContext db, TimeProvider clock, IEnumerable<IIdNumberProvenReaction> reactions)
{
    /// <summary>Saves at once, on its own: call it outside a transaction (a refused write would end the caller's on PostgreSQL).</summary>
    public async Task<BindOutcome> Handle(Guid residentId, string idNumber, IdNumberProof proof, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleAsync(cancellationToken);
        if (held == idNumber)
        {
            return BindOutcome.Bound;
        }

        if (held is not null)
        {
            return BindOutcome.HoldsAnother;
        }

        var born = ResidentIdNumber.BirthDate(idNumber);
        try
        {
            var bound = await db.Residents.Where(r => r.Id == residentId && r.IdNumber == null && !db.Set<Resident>().Any(o => o.IdNumber == idNumber))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.IdNumber, idNumber).SetProperty(r => r.IdNumberProof, proof)
                    .SetProperty(r => r.IdNumberVerifiedAt, now).SetProperty(r => r.ClaimedIdNumber, (string?)null).SetProperty(r => r.DateOfBirth, born), cancellationToken);
            if (bound == 1)
            {
                foreach (var reaction in reactions)
                {
                    await reaction.Follow(residentId, cancellationToken);
                }

                return BindOutcome.Bound;
            }
        }
        catch (DbException)
        {
            // The unique index refused it: another account proved the same number at the same moment.
        }

        var holder = await db.Residents.Where(r => r.IdNumber == idNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (holder is null || holder == residentId)
        {
            return holder is null ? BindOutcome.HoldsAnother : BindOutcome.Bound;
        }

        if (!await db.IdentityDisputes.AnyAsync(d => d.IdNumber == idNumber && d.ClaimantId == residentId && d.ResolvedAt == null, cancellationToken))
        {
            db.IdentityDisputes.Add(new IdentityDispute { Id = Guid.NewGuid(), IdNumber = idNumber, HolderId = holder.Value, ClaimantId = residentId, ClaimantProof = proof, RaisedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return BindOutcome.Disputed;
    }
}
