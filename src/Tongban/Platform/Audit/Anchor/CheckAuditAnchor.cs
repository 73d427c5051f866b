using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// Every hour, and when an operator asks: recomputes the log from the records themselves and compares it with
/// the signed heads and with the newest head in the published file. A record edited (and its chain redone), a
/// trail deleted, or the tail rolled back with its head all show as a problem, which is kept for the operator's
/// audit page and workbench and logged as critical.
/// </summary>
public sealed class CheckAuditAnchor(AppDbContext db, AnchorKey key, AuditHeadFile file, TimeProvider clock, ILogger<CheckAuditAnchor> logger) : IJobHandler, IRecurringJob
{
    public const string JobKind = "AuditAnchorCheck";
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private const int Page = 10_000;

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        await Handle(cancellationToken);
        return clock.GetUtcNow().UtcDateTime + Every;
    }

    /// <summary>The first check an hour after the first start.</summary>
    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) => (JobKind, "log", now + Every);

    public async Task<AuditAnchorCheck> Handle(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var heads = await db.AuditTreeHeads.AsNoTracking().OrderBy(h => h.Size).ToListAsync(cancellationToken);
        foreach (var bad in heads.Where(h => !key.Verify(h)))
        {
            problems.Add($"The tree head of size {bad.Size} is not signed by the anchor key {key.KeyId}.");
        }

        var size = heads.Count == 0 ? 0 : heads[^1].Size;
        var (count, roots) = await Recompute(heads.Select(h => h.Size).ToHashSet(), cancellationToken);
        if (count != size)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The signed heads cover {size} records, but {count} anchored records are in the database, in order: records were removed, added or moved."));
        }

        foreach (var head in heads.Where(h => roots.TryGetValue(h.Size, out var root) && !root.AsSpan().SequenceEqual(h.Root)))
        {
            problems.Add($"The records no longer give the root signed for size {head.Size}: a record was changed after it was published.");
        }

        if (await file.Latest(cancellationToken) is { } published)
        {
            var same = heads.FirstOrDefault(h => h.Size == published.Size);
            if (!key.Verify(published.ToHead()))
            {
                problems.Add($"The newest head in {file.Path} (size {published.Size}) does not carry the anchor key's signature.");
            }
            else if (same is null || !same.Root.AsSpan().SequenceEqual(Convert.FromHexString(published.Root)))
            {
                problems.Add($"The head of size {published.Size} published in {file.Path} is not in the database: the database was rolled back or rewritten after it was published.");
            }
        }

        var check = new AuditAnchorCheck { CheckedAt = clock.GetUtcNow().UtcDateTime, Size = size, Problem = problems.Count == 0 ? null : string.Join(" ", problems) };
        db.AuditAnchorChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        if (check.Problem is not null)
        {
            logger.LogCritical("The audit trail no longer matches its published tree heads: {Problem}", check.Problem);
        }

        return check;
    }

    /// <summary>Leaf by leaf from the records, the root at each size asked for; the right edge of complete subtrees is all it keeps.</summary>
    private async Task<(long Count, Dictionary<long, byte[]> Roots)> Recompute(HashSet<long> sizes, CancellationToken cancellationToken)
    {
        var roots = new Dictionary<long, byte[]>();
        var edge = new List<(int Level, byte[] Hash)>();
        long count = 0;
        while (true)
        {
            var after = count;
            var page = await db.AuditRecords.AsNoTracking().Where(r => r.LogIndex >= after).OrderBy(r => r.LogIndex).Take(Page).ToListAsync(cancellationToken);
            foreach (var record in page)
            {
                if (record.LogIndex != count)
                {
                    return (-1, roots);
                }

                var (level, hash) = (0, AnchorAuditTrail.LeafOf(record));
                while (edge.Count > 0 && edge[^1].Level == level)
                {
                    hash = MerkleTree.NodeHash(edge[^1].Hash, hash);
                    edge.RemoveAt(edge.Count - 1);
                    level++;
                }

                edge.Add((level, hash));
                count++;
                if (sizes.Contains(count))
                {
                    // The right edge holds exactly the complete subtrees the root of this size is made of, one per level.
                    roots[count] = MerkleTree.Root(count, (level, _) => edge.Single(e => e.Level == level).Hash);
                }
            }

            if (page.Count < Page)
            {
                return (count, roots);
            }
        }
    }
}
