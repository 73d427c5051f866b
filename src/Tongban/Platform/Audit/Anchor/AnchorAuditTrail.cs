using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// Every minute, appends the audit records made since the last run to the log's Merkle tree (RFC 9162), signs the
/// new tree head with the anchor key and publishes it: in the database for every node to serve, and appended to a
/// file outside it (<c>Audit:Anchor:PublishPath</c>) that an auditor or another system copies. One run at a time
/// on any number of nodes (a key lock); a record belongs to the tree from the transaction that signs its head.
/// </summary>
public sealed class AnchorAuditTrail(AppDbContext db, AuditTreeStore store, AnchorKey key, AuditHeadFile file, TimeProvider clock) : IJobHandler, IRecurringJob
{
    public const string JobKind = "AuditAnchor";
    public const int Batch = 20_000;
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var head = await Append(cancellationToken);
        if (head is not null)
        {
            await file.Append(head, cancellationToken);
        }

        return clock.GetUtcNow().UtcDateTime + Every;
    }

    /// <summary>Anchors what is waiting (up to <see cref="Batch"/> records); the new signed head, or null when nothing waited.</summary>
    public async Task<AuditTreeHead?> Append(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock("audit-anchor", cancellationToken);
        var size = await db.AuditTreeHeads.MaxAsync(h => (long?)h.Size, cancellationToken) ?? 0;
        var pending = await db.AuditRecords.Where(r => r.LogIndex == null).OrderBy(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        var fresh = new Dictionary<long, byte[]>();
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].LogIndex = size + i;
            fresh[AuditTreeNode.KeyOf(0, size + i)] = LeafOf(pending[i]);
        }

        var newSize = size + pending.Count;
        var frontier = await store.Compute(nodes => AuditTreeStore.Frontier(size).Select(f => (f, nodes(f.Level, f.Index))).ToList(), cancellationToken);
        var known = new Dictionary<long, byte[]>(fresh);
        foreach (var ((level, index), hash) in frontier)
        {
            known[AuditTreeNode.KeyOf(level, index)] = hash;
        }

        // The subtrees the new leaves complete, level by level.
        for (var level = 1; (1L << level) <= newSize; level++)
        {
            for (var index = size >> level; (index + 1) << level <= newSize; index++)
            {
                var hash = MerkleTree.NodeHash(known[AuditTreeNode.KeyOf(level - 1, 2 * index)], known[AuditTreeNode.KeyOf(level - 1, (2 * index) + 1)]);
                known[AuditTreeNode.KeyOf(level, index)] = fresh[AuditTreeNode.KeyOf(level, index)] = hash;
            }
        }

        var root = MerkleTree.Root(newSize, (level, index) => known[AuditTreeNode.KeyOf(level, index)]);
        var signedAt = AuditTrail.WholeMilliseconds(clock.GetUtcNow().UtcDateTime);
        var head = new AuditTreeHead { Size = newSize, Root = root, SignedAt = signedAt, KeyId = key.KeyId, Signature = key.Sign(newSize, root, signedAt) };
        db.AuditTreeNodes.AddRange(fresh.Select(n => new AuditTreeNode { Id = n.Key, Level = (int)(n.Key >> 56), Index = n.Key & ((1L << 56) - 1), Hash = n.Value }));
        db.AuditTreeHeads.Add(head);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return head;
    }

    /// <summary>A record's leaf: its content, hashed as the chain hashes it, recomputed rather than read from its Hash column.</summary>
    public static byte[] LeafOf(AuditRecord record) => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(AuditTrail.HashOf(record)));

    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) => (JobKind, "log", now);
}

/// <summary>One published head as a line of JSON: what the file holds and the endpoint serves.</summary>
public sealed record PublishedHead(long Size, string Root, DateTime SignedAt, string KeyId, string Signature)
{
    public static PublishedHead Of(AuditTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new(head.Size, Convert.ToHexStringLower(head.Root), head.SignedAt, head.KeyId, Convert.ToBase64String(head.Signature));
    }

    public AuditTreeHead ToHead() => new() { Size = Size, Root = Convert.FromHexString(Root), SignedAt = SignedAt, KeyId = KeyId, Signature = Convert.FromBase64String(Signature) };

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static PublishedHead? FromJson(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishedHead>(line, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
