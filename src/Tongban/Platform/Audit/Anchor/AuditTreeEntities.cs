using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// One complete subtree of the audit log's Merkle tree: 2^<see cref="Level"/> leaves from leaf
/// <see cref="Index"/> × 2^<see cref="Level"/>. Kept so that proofs cost O(log n) reads, not a pass over every
/// record. Nothing here is trusted: a node rewritten in the database gives a root the signed heads refute.
/// </summary>
public sealed class AuditTreeNode
{
    public long Id { get; set; }
    public int Level { get; set; }
    public long Index { get; set; }
    public required byte[] Hash { get; set; }

    /// <summary>Level and index in one key, so that a set of nodes is fetched with one IN (…).</summary>
    public static long KeyOf(int level, long index) => ((long)level << 56) | index;
}

/// <summary>
/// A signed tree head: the root of the first <see cref="Size"/> records, signed with the anchor key (which is not
/// in the database), and published (an append-only file and <c>/transparency/audit</c>) for others to keep.
/// </summary>
public sealed class AuditTreeHead
{
    public long Size { get; set; }
    public required byte[] Root { get; set; }
    public DateTime SignedAt { get; set; }
    public required string KeyId { get; set; }
    public required byte[] Signature { get; set; }
}

/// <summary>The last comparison of the database with the published heads, for the operator.</summary>
public sealed class AuditAnchorCheck
{
    public long Id { get; set; }
    public DateTime CheckedAt { get; set; }
    public long Size { get; set; }

    /// <summary>Null when everything matched; else what did not, in words for the operator.</summary>
    public string? Problem { get; set; }
}

internal sealed class AuditTreeConfigurations : IEntityTypeConfiguration<AuditTreeNode>, IEntityTypeConfiguration<AuditTreeHead>, IEntityTypeConfiguration<AuditAnchorCheck>
{
    public void Configure(EntityTypeBuilder<AuditTreeNode> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Hash).HasMaxLength(MerkleTree.HashSize);
    }

    public void Configure(EntityTypeBuilder<AuditTreeHead> builder)
    {
        builder.HasKey(h => h.Size);
        builder.Property(h => h.Size).ValueGeneratedNever();
        builder.Property(h => h.Root).HasMaxLength(MerkleTree.HashSize);
        builder.Property(h => h.KeyId).HasMaxLength(64);
        builder.Property(h => h.Signature).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<AuditAnchorCheck> builder) => builder.Property(c => c.Problem).HasMaxLength(2000);
}
