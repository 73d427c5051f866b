using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// The key that signs the audit log's tree heads (ECDSA P-256 with SHA-256), read from a PEM file named by
/// <c>Audit:Anchor:KeyPath</c>, never from the database: whoever can rewrite the database cannot sign a head for
/// what they wrote. In Development a key is made on first start under <c>data/</c>; elsewhere the file is required.
/// </summary>
public sealed class AnchorKey : IDisposable
{
    private readonly ECDsa _key;

    public AnchorKey(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var path = configuration["Audit:Anchor:KeyPath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("Audit:Anchor:KeyPath is not set: outside Development the key that signs the audit log's tree heads must be a file kept outside the database (docs/operations.md).");
            }

            path = Path.Combine(environment.ContentRootPath, "data", "audit-anchor-key.pem");
        }

        _key = ECDsa.Create();
        _key.ImportFromPem(ReadOrCreate(path, environment.IsDevelopment()));
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>The first 16 hex digits of SHA-256 over the public key: names the key a head was signed with.</summary>
    public string KeyId { get; }

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public byte[] Sign(long size, ReadOnlySpan<byte> root, DateTime signedAt) => _key.SignData(SignedBytes(size, root, signedAt), HashAlgorithmName.SHA256);

    public bool Verify(AuditTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.KeyId == KeyId && _key.VerifyData(SignedBytes(head.Size, head.Root, head.SignedAt), head.Signature, HashAlgorithmName.SHA256);
    }

    /// <summary>What is signed: a fixed label, the size, the root in hex and the time, one per line (published with the key).</summary>
    public static byte[] SignedBytes(long size, ReadOnlySpan<byte> root, DateTime signedAt) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"tongban-audit-tree-head\n{size}\n{Convert.ToHexStringLower(root)}\n{signedAt:yyyy-MM-ddTHH:mm:ss.fffZ}"));

    public void Dispose() => _key.Dispose();

    private static string ReadOrCreate(string path, bool mayCreate)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        if (!mayCreate)
        {
            throw new InvalidOperationException($"The audit anchor key '{path}' does not exist.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = fresh.ExportPkcs8PrivateKeyPem();
        try
        {
            // Two processes starting at once: the first file written wins, and both read it.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.ASCII.GetBytes(pem));
            return pem;
        }
        catch (IOException) when (File.Exists(path))
        {
            Thread.Sleep(100);
            return File.ReadAllText(path);
        }
    }
}
