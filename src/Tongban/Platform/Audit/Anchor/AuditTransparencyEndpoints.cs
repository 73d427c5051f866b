using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// The audit log's published side, for anyone to copy and check (no sign-in; nothing in it names a person): the
/// anchor key, the signed tree heads, and consistency proofs that each head extends the one before.
/// </summary>
public static class AuditTransparencyEndpoints
{
    public sealed record Published(string KeyId, string PublicKey, string Algorithm, string SignedText, IReadOnlyList<PublishedHead> Heads);

    public sealed record Consistency(long From, long To, IReadOnlyList<string> Proof);

    public static IEndpointRouteBuilder MapAuditTransparency(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/transparency/audit").WithTags("Audit log (transparency)");
        group.MapGet("/", Heads).WithName("getAuditTreeHeads").WithSummary("The anchor key and the newest signed tree heads of the audit log (RFC 9162 hashing).");
        group.MapGet("/consistency", Prove).WithName("getAuditConsistencyProof").WithSummary("A consistency proof (RFC 9162 2.1.4) between two published sizes.");
        return endpoints;
    }

    private static async Task<Ok<Published>> Heads(AppDbContext db, AnchorKey key, CancellationToken cancellationToken)
    {
        var heads = await db.AuditTreeHeads.AsNoTracking().OrderByDescending(h => h.Size).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Published(key.KeyId, key.PublicKeyPem, "ECDSA P-256 with SHA-256, IEEE P1363 signature",
            "UTF-8 of \"tongban-audit-tree-head\\n{size}\\n{root, lower-case hex}\\n{signedAt, yyyy-MM-ddTHH:mm:ss.fffZ}\"", heads.Select(PublishedHead.Of).ToList()));
    }

    private static async Task<Results<Ok<Consistency>, ProblemHttpResult>> Prove(AppDbContext db, AuditTreeStore store, long? from, long? to, CancellationToken cancellationToken)
    {
        var sizes = await db.AuditTreeHeads.AsNoTracking().Where(h => h.Size == from || h.Size == to).Select(h => h.Size).ToListAsync(cancellationToken);
        if (from is not { } first || to is not { } second || first <= 0 || first > second || !sizes.Contains(first) || !sizes.Contains(second))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Choose two published sizes, from ≤ to.",
                detail: "Both 'from' and 'to' must be sizes of signed heads listed at /transparency/audit.");
        }

        var proof = await store.Compute(nodes => MerkleTree.ConsistencyProof(first, second, nodes), cancellationToken);
        return TypedResults.Ok(new Consistency(first, second, proof.Select(Convert.ToHexStringLower).ToList()));
    }
}
