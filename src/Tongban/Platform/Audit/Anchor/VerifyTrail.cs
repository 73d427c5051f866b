using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Audit.Anchor;

public enum TrailVerdict
{
    /// <summary>Her chain is whole, every entry is in the log under the newest signed head, and the last full check found nothing.</summary>
    Intact,

    /// <summary>Whole so far, but her newest entries are not under a signed head yet (within a minute they are).</summary>
    NotYetPublished,

    /// <summary>Her chain itself is broken from <see cref="TrailCheck.FirstBreak"/> on.</summary>
    Broken,

    /// <summary>The chain looks whole, but the log does not prove it against the signed head, or the last full check found a problem.</summary>
    Unconfirmed,
}

public sealed record TrailCheck(TrailVerdict Verdict, int? FirstBreak);

/// <summary>
/// What a resident's "who acted for me" page may claim: her own chain, and each entry proven in the log's Merkle tree
/// against the newest head signed with the anchor key — which a database administrator does not have.
/// </summary>
public sealed class VerifyTrail(AppDbContext db, AuditTrail trail, AuditTreeStore store, AnchorKey key)
{
    public async Task<TrailCheck> Handle(Guid residentId, CancellationToken cancellationToken)
    {
        // Her trail is read once: for her chain, and for the proofs of its entries.
        var records = await trail.Records(residentId, cancellationToken);
        var firstBreak = AuditTrail.FirstBreak(records, await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ResidentId == residentId, cancellationToken));
        var head = await db.AuditTreeHeads.AsNoTracking().OrderByDescending(h => h.Size).FirstOrDefaultAsync(cancellationToken);
        if (firstBreak is not null)
        {
            return new(TrailVerdict.Broken, firstBreak);
        }

        var lastCheck = await db.AuditAnchorChecks.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (lastCheck?.Problem is not null || (head is not null && !key.Verify(head)))
        {
            return new(TrailVerdict.Unconfirmed, null);
        }

        var anchored = records.Where(r => head is not null && r.LogIndex < head.Size).ToList();
        if (anchored.Count > 0 && !await Proven(anchored, head!, cancellationToken))
        {
            return new(TrailVerdict.Unconfirmed, null);
        }

        return new(anchored.Count == records.Count ? TrailVerdict.Intact : TrailVerdict.NotYetPublished, null);
    }

    /// <summary>Each record's leaf, recomputed from its content, is in the tree under the signed root.</summary>
    private async Task<bool> Proven(List<AuditRecord> records, AuditTreeHead head, CancellationToken cancellationToken)
    {
        try
        {
            var proofs = await store.Compute(nodes => records.Select(r => MerkleTree.InclusionProof(r.LogIndex!.Value, head.Size, nodes)).ToList(), cancellationToken);
            return records.Zip(proofs).All(p => MerkleTree.VerifyInclusion(p.First.LogIndex!.Value, head.Size, AnchorAuditTrail.LeafOf(p.First), p.Second, head.Root));
        }
        catch (AuditTreeMissingNodeException)
        {
            return false;
        }
    }
}
