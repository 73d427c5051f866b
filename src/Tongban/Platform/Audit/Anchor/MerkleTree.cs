using System.Numerics;
using System.Security.Cryptography;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// Where a hash of a complete subtree comes from: the subtree of 2^<c>level</c> leaves starting at leaf
/// <c>index</c> × 2^<c>level</c>. Level 0 holds the leaf hashes themselves.
/// </summary>
public delegate byte[] CompleteSubtree(int level, long index);

/// <summary>
/// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf and node hashes, the tree head,
/// inclusion and consistency proofs and their verification. Written over complete subtrees, so that a stored tree
/// answers each in O(log n) lookups: every range the RFC's recursion splits off on the left is a complete subtree,
/// aligned on its own size.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>MTH of one entry: SHA-256(0x00 || entry).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSize)];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The tree head of the first <paramref name="size"/> leaves; the hash of the empty string for none.</summary>
    public static byte[] Root(long size, CompleteSubtree nodes) => size == 0 ? SHA256.HashData([]) : Range(0, size, nodes);

    /// <summary>PATH(m, D[n]): the hashes that prove leaf <paramref name="index"/> is in the tree of <paramref name="size"/> leaves.</summary>
    public static List<byte[]> InclusionProof(long index, long size, CompleteSubtree nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var proof = new List<byte[]>();
        Path(index, 0, size, nodes, proof);
        return proof;
    }

    /// <summary>PROOF(m, D[n]): the hashes that prove the tree of <paramref name="first"/> leaves is a prefix of the tree of <paramref name="second"/>.</summary>
    public static List<byte[]> ConsistencyProof(long first, long second, CompleteSubtree nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var proof = new List<byte[]>();
        SubProof(first, 0, second, true, nodes, proof);
        return proof;
    }

    /// <summary>RFC 9162 section 2.1.3.2: whether <paramref name="proof"/> places <paramref name="leafHash"/> at <paramref name="index"/> under <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size)
        {
            return false;
        }

        var (fn, sn) = (index, size - 1);
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != HashSize)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 section 2.1.4.2: whether <paramref name="proof"/> shows the first tree is a prefix of the second.</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first <= 0 || first > second || proof.Any(p => p.Length != HashSize))
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var path = BitOperations.IsPow2(first) ? [firstRoot.ToArray(), .. proof] : proof.ToList();

        var (fn, sn) = (first - 1, second - 1);
        while ((fn & 1) == 1)
        {
            (fn, sn) = (fn >> 1, sn >> 1);
        }

        var (fr, sr) = (path[0], path[0]);
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                (fr, sr) = (NodeHash(c, fr), NodeHash(c, sr));
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2).</summary>
    public static long Split(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    /// <summary>MTH(D[start:end]) from complete subtrees.</summary>
    private static byte[] Range(long start, long end, CompleteSubtree nodes)
    {
        var n = end - start;
        if (BitOperations.IsPow2(n))
        {
            return nodes(BitOperations.Log2((ulong)n), start / n);
        }

        var k = Split(n);
        return NodeHash(nodes(BitOperations.Log2((ulong)k), start / k), Range(start + k, end, nodes));
    }

    private static void Path(long index, long start, long end, CompleteSubtree nodes, List<byte[]> proof)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = Split(n);
        if (index - start < k)
        {
            Path(index, start, start + k, nodes, proof);
            proof.Add(Range(start + k, end, nodes));
        }
        else
        {
            Path(index, start + k, end, nodes, proof);
            proof.Add(Range(start, start + k, nodes));
        }
    }

    private static void SubProof(long m, long start, long end, bool whole, CompleteSubtree nodes, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(Range(start, end, nodes));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, whole, nodes, proof);
            proof.Add(Range(start + k, end, nodes));
        }
        else
        {
            SubProof(m - k, start + k, end, false, nodes, proof);
            proof.Add(Range(start, start + k, nodes));
        }
    }
}
