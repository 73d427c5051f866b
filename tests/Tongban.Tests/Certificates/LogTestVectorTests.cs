using System.Text;
using System.Text.Json.Nodes;
using Tongban.Platform.Audit.Anchor;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Certificates;

/// <summary>
/// The certificate log's published test vectors (docs/certificates/log-test-vectors.json, written by a Python
/// implementation of RFC 9162 as the RFC defines it): every root, inclusion path and consistency proof, recomputed
/// by the log's own code. A change to the hashing, the proofs or the entry encoding fails here.
/// </summary>
public sealed class LogTestVectorTests
{
    private static readonly JsonObject Vectors = JsonNode.Parse(File.ReadAllText(Path.Combine(Checkout.Root, "docs", "certificates", "log-test-vectors.json")))!.AsObject();

    private static readonly byte[][] Leaves = [.. Vectors["entries"]!.AsArray().Select(e => MerkleTree.LeafHash(Encoding.UTF8.GetBytes(e!.GetValue<string>())))];

    private static CompleteSubtree Nodes => (level, index) => Tongban.Tests.Platform.Audit.MerkleTreeTests.Mth(Leaves.AsSpan((int)(index << level), 1 << level));

    private static string[] Base64(IEnumerable<byte[]> hashes) => [.. hashes.Select(Convert.ToBase64String)];

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(h => h!.GetValue<string>())];

    [Fact]
    public void EveryRootInclusionPathAndConsistencyProof_MatchesTheVectors()
    {
        Assert.Equal(10, Leaves.Length);
        foreach (var root in Vectors["roots"]!.AsArray())
        {
            Assert.Equal(root!["root"]!.GetValue<string>(), Convert.ToBase64String(MerkleTree.Root(root["size"]!.GetValue<long>(), Nodes)));
        }

        foreach (var v in Vectors["inclusion"]!.AsArray())
        {
            var (index, size) = (v!["index"]!.GetValue<long>(), v["size"]!.GetValue<long>());
            var path = MerkleTree.InclusionProof(index, size, Nodes);
            Assert.Equal(Strings(v["path"]), Base64(path));
            Assert.True(MerkleTree.VerifyInclusion(index, size, Leaves[index], path, MerkleTree.Root(size, Nodes)));
        }

        foreach (var v in Vectors["consistency"]!.AsArray())
        {
            var (first, second) = (v!["first"]!.GetValue<long>(), v["second"]!.GetValue<long>());
            var proof = MerkleTree.ConsistencyProof(first, second, Nodes);
            Assert.Equal(Strings(v["proof"]), Base64(proof));
            Assert.True(MerkleTree.VerifyConsistency(first, second, MerkleTree.Root(first, Nodes), MerkleTree.Root(second, Nodes), proof));
        }
    }
}
