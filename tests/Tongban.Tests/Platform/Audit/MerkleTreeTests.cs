using System.Security.Cryptography;
using Tongban.Platform.Audit.Anchor;

namespace Tongban.Tests.Platform.Audit;

/// <summary>
/// The log's tree against RFC 9162 section 2.1 as written (the recursive definitions of MTH, PATH and PROOF over a
/// list, below), for every size up to 70 and every leaf and pair of sizes; and against the published test vectors
/// of the Certificate Transparency reference implementation.
/// </summary>
public sealed class MerkleTreeTests
{
    /// <summary>The reference test data: eight entries, from the CT reference implementation's tests.</summary>
    private static readonly byte[][] VectorEntries =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static byte[][] Leaves(int n) => Enumerable.Range(0, n).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i * 7919))).ToArray();

    // RFC 9162 2.1.1: MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])).
    internal static byte[] Mth(ReadOnlySpan<byte[]> leaves) => leaves.Length switch
    {
        0 => SHA256.HashData([]),
        1 => leaves[0],
        _ => MerkleTree.NodeHash(Mth(leaves[..(int)MerkleTree.Split(leaves.Length)]), Mth(leaves[(int)MerkleTree.Split(leaves.Length)..])),
    };

    // RFC 9162 2.1.3.1: PATH(m, D[n]).
    internal static List<byte[]> PathOf(int m, ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return [];
        }

        var k = (int)MerkleTree.Split(leaves.Length);
        return m < k ? [.. PathOf(m, leaves[..k]), Mth(leaves[k..])] : [.. PathOf(m - k, leaves[k..]), Mth(leaves[..k])];
    }

    // RFC 9162 2.1.4.1: SUBPROOF(m, D[n], b).
    internal static List<byte[]> SubProof(int m, ReadOnlySpan<byte[]> leaves, bool b)
    {
        if (m == leaves.Length)
        {
            return b ? [] : [Mth(leaves)];
        }

        var k = (int)MerkleTree.Split(leaves.Length);
        return m <= k ? [.. SubProof(m, leaves[..k], b), Mth(leaves[k..])] : [.. SubProof(m - k, leaves[k..], false), Mth(leaves[..k])];
    }

    /// <summary>The complete subtrees of an in-memory list, as the database stores them.</summary>
    private static CompleteSubtree Stored(byte[][] leaves) => (level, index) => Mth(leaves.AsSpan((int)(index << level), 1 << level));

    [Fact]
    public void Roots_MatchTheReferenceTestVectors()
    {
        string[] expected =
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        var leaves = VectorEntries.Select(e => MerkleTree.LeafHash(e)).ToArray();

        for (var n = 1; n <= 8; n++)
        {
            Assert.Equal(expected[n - 1], Convert.ToHexStringLower(MerkleTree.Root(n, Stored(leaves[..n]))));
        }

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.Root(0, Stored([]))));
    }

    [Fact]
    public void InclusionProofs_AreTheRfcsPaths_AndVerify_ForEverySizeAndLeaf()
    {
        for (var n = 1; n <= 70; n++)
        {
            var leaves = Leaves(n);
            var root = Mth(leaves);
            Assert.Equal(root, MerkleTree.Root(n, Stored(leaves)));
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleTree.InclusionProof(m, n, Stored(leaves));
                Assert.Equal(PathOf(m, leaves), proof);
                Assert.True(MerkleTree.VerifyInclusion(m, n, leaves[m], proof, root), $"leaf {m} of {n}");
                Assert.False(MerkleTree.VerifyInclusion(m, n, leaves[(m + 1) % n], proof, root) && n > 1, $"another leaf at {m} of {n}");
            }
        }
    }

    [Fact]
    public void ConsistencyProofs_AreTheRfcsProofs_AndVerify_ForEveryPairOfSizes()
    {
        var leaves = Leaves(40);
        for (var second = 1; second <= 40; second++)
        {
            var secondRoot = Mth(leaves.AsSpan(0, second));
            for (var first = 1; first <= second; first++)
            {
                var firstRoot = Mth(leaves.AsSpan(0, first));
                var proof = MerkleTree.ConsistencyProof(first, second, Stored(leaves));
                Assert.Equal(SubProof(first, leaves.AsSpan(0, second), true), proof);
                Assert.True(MerkleTree.VerifyConsistency(first, second, firstRoot, secondRoot, proof), $"{first} → {second}");
                if (first < second)
                {
                    // A rewritten past: the first tree's root no longer matches.
                    Assert.False(MerkleTree.VerifyConsistency(first, second, Mth(Leaves(first).Select(l => MerkleTree.LeafHash(l)).ToArray()), secondRoot, proof));
                }
            }
        }
    }

    [Fact]
    public void Proofs_WithAWrongOrMissingHash_DoNotVerify()
    {
        var leaves = Leaves(13);
        var root = Mth(leaves);
        var proof = MerkleTree.InclusionProof(5, 13, Stored(leaves));
        var altered = proof.Select(p => (byte[])p.Clone()).ToList();
        altered[1][0] ^= 1;

        Assert.False(MerkleTree.VerifyInclusion(5, 13, leaves[5], altered, root));
        Assert.False(MerkleTree.VerifyInclusion(5, 13, leaves[5], proof.Take(proof.Count - 1).ToList(), root));
        Assert.False(MerkleTree.VerifyInclusion(13, 13, leaves[5], proof, root));
        Assert.False(MerkleTree.VerifyConsistency(5, 13, Mth(leaves.AsSpan(0, 5)), root, []));
    }
}
