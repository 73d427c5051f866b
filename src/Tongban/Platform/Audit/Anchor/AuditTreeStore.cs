using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>A stored node the tree should have is not there: the database no longer holds the tree its heads were signed for.</summary>
public sealed class AuditTreeMissingNodeException(int level, long index) : Exception($"Audit tree node {level}/{index} is missing.");

/// <summary>Reads the stored tree for a computation over <see cref="MerkleTree"/>: the nodes it needs, in one query.</summary>
public sealed class AuditTreeStore(AppDbContext db)
{
    /// <summary>
    /// Runs <paramref name="compute"/> once to learn which nodes it reads (the shape of a proof never depends on the
    /// hashes), fetches them, and runs it again on them.
    /// </summary>
    public async Task<T> Compute<T>(Func<CompleteSubtree, T> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var wanted = new HashSet<long>();
        var blank = new byte[MerkleTree.HashSize];
        compute((level, index) =>
        {
            wanted.Add(AuditTreeNode.KeyOf(level, index));
            return blank;
        });
        var found = new Dictionary<long, byte[]>();
        foreach (var chunk in wanted.Chunk(500))
        {
            foreach (var node in await db.Set<AuditTreeNode>().AsNoTracking().Where(n => chunk.Contains(n.Id)).ToListAsync(cancellationToken))
            {
                found[node.Id] = node.Hash;
            }
        }

        return compute((level, index) =>
            found.TryGetValue(AuditTreeNode.KeyOf(level, index), out var stored) ? stored : throw new AuditTreeMissingNodeException(level, index));
    }

    /// <summary>The complete subtrees a tree of <paramref name="size"/> leaves ends with, left to right: (level, index) of each.</summary>
    public static IEnumerable<(int Level, long Index)> Frontier(long size)
    {
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            var width = 1L << level;
            if ((size & width) != 0)
            {
                yield return (level, start / width);
                start += width;
            }
        }
    }
}
