using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Data;

namespace Tongban.Certificates;

/// <summary>
/// One entry of the certificates' transparency log: an issuance (the SHA-256 of the credential as issued) or a change of
/// status (revoked, suspended, reinstated). Its leaf hash is RFC 9162's over the entry's text.
/// </summary>
public sealed class CertificateLogEntry
{
    /// <summary>Its place in the log, from 0, with no gaps.</summary>
    public long Index { get; set; }

    public Guid CertificateId { get; set; }

    /// <summary>What is hashed as the leaf: "issued {number} sha256:{hex of the JWS}" or "{event} {number} {time}".</summary>
    public required string Entry { get; set; }

    public DateTime At { get; set; }

    public byte[] LeafHash() => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(Entry));
}

internal sealed class CertificateLogEntryConfiguration : IEntityTypeConfiguration<CertificateLogEntry>
{
    public void Configure(EntityTypeBuilder<CertificateLogEntry> builder)
    {
        builder.ToTable("CertificateLog");
        builder.HasKey(e => e.Index);
        builder.Property(e => e.Index).ValueGeneratedNever();
        builder.Property(e => e.Entry).HasMaxLength(200);
        builder.HasIndex(e => e.CertificateId);
    }
}

/// <summary>A signed tree head, and the proofs a monitor or a verifier asks for.</summary>
public sealed record TreeHead(long TreeSize, string RootHash, string SignedHead);

/// <summary>
/// The append-only Merkle log (RFC 9162 hashing, <see cref="MerkleTree"/>, the same code as the audit log's) of every
/// issuance and change of status, so that nobody, the city included, can quietly issue or rewrite a certificate: its
/// signed heads are public and a monitor that keeps them can ask for consistency between any two sizes. Appends take the
/// next index under the key lock the issuer (or the status change) holds in its transaction. Roots and proofs are computed from the leaves: fine for
/// the hundreds of thousands of certificates a year a city issues; stored subtrees (as the audit log keeps) are the next step.
/// </summary>
public sealed class CertificateLog(AppDbContext db, CityIssuer issuer, TimeProvider clock)
{
    public const string LockKey = "certificate-log";

    /// <summary>Appends an entry; the caller holds <see cref="LockKey"/> in its transaction (so the next index is its own) and saves.</summary>
    public async Task<CertificateLogEntry> Append(Guid certificateId, string entry, CancellationToken cancellationToken)
    {
        var next = await db.Set<CertificateLogEntry>().CountAsync(cancellationToken) + db.ChangeTracker.Entries<CertificateLogEntry>().Count(e => e.State == EntityState.Added);
        var added = new CertificateLogEntry { Index = next, CertificateId = certificateId, Entry = entry, At = clock.GetUtcNow().UtcDateTime };
        db.Set<CertificateLogEntry>().Add(added);
        return added;
    }

    public static string Issued(string number, string jwt) => $"issued {number} sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(jwt)))}";

    public async Task<TreeHead> Head(CancellationToken cancellationToken)
    {
        var leaves = await Leaves(long.MaxValue, cancellationToken);
        var root = MerkleTree.Root(leaves.Count, Subtrees(leaves));
        return new(leaves.Count, Convert.ToBase64String(root), issuer.SignTreeHead(leaves.Count, root, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves; null when out of range.</summary>
    public async Task<List<byte[]>?> InclusionProof(long index, long size, CancellationToken cancellationToken)
    {
        var leaves = await Leaves(size, cancellationToken);
        return index < 0 || size < 1 || index >= size || size > leaves.Count ? null : MerkleTree.InclusionProof(index, size, Subtrees(leaves));
    }

    /// <summary>The proof that the tree of <paramref name="first"/> leaves is a prefix of that of <paramref name="second"/>; null when out of range.</summary>
    public async Task<List<byte[]>?> ConsistencyProof(long first, long second, CancellationToken cancellationToken)
    {
        var leaves = await Leaves(second, cancellationToken);
        return first < 1 || first > second || second > leaves.Count ? null : MerkleTree.ConsistencyProof(first, second, Subtrees(leaves));
    }

    public sealed record PublishedEntry(long Index, string Entry, DateTime At);

    public async Task<List<PublishedEntry>> Entries(long start, CancellationToken cancellationToken) =>
        await db.Set<CertificateLogEntry>().AsNoTracking().Where(e => e.Index >= start).OrderBy(e => e.Index).Take(1000)
            .Select(e => new PublishedEntry(e.Index, e.Entry, e.At)).ToListAsync(cancellationToken);

    private async Task<List<byte[]>> Leaves(long size, CancellationToken cancellationToken) =>
        (await db.Set<CertificateLogEntry>().AsNoTracking().Where(e => e.Index < size).OrderBy(e => e.Index).Select(e => e.Entry).ToListAsync(cancellationToken))
        .Select(e => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(e))).ToList();

    /// <summary>The complete subtrees over the leaves, computed on demand and kept for the one computation.</summary>
    private static CompleteSubtree Subtrees(List<byte[]> leaves)
    {
        var known = new Dictionary<(int, long), byte[]>();
        byte[] Node(int level, long index)
        {
            if (level == 0)
            {
                return leaves[(int)index];
            }

            if (!known.TryGetValue((level, index), out var hash))
            {
                hash = MerkleTree.NodeHash(Node(level - 1, 2 * index), Node(level - 1, (2 * index) + 1));
                known[(level, index)] = hash;
            }

            return hash;
        }

        return Node;
    }
}
