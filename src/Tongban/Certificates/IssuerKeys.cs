using System.Security.Cryptography;
using System.Text;

namespace Tongban.Certificates;

/// <summary>One of the city's issuer keys (ECDSA P-256): its id in the DID document and its key.</summary>
public sealed record IssuerKey(string Id, ECDsa Key);

/// <summary>
/// The keys that sign the city's e-certificates, one PEM file each in the folder <c>Certificates:KeysPath</c> (never in
/// the database, like the audit anchor key: whoever can write the database cannot sign). The newest signs; all stay
/// published, so certificates signed before a rotation stay verifiable. Every node reads the same folder, and a key
/// added by <c>rotate-issuer-key</c> is picked up on the next use. In Development the folder and a first key are made
/// under <c>data/</c>; elsewhere the folder must hold one.
/// </summary>
public sealed class IssuerKeys(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly Lock _lock = new();
    private string[] _files = [];
    private IReadOnlyList<IssuerKey> _keys = [];

    public string Folder => configuration["Certificates:KeysPath"] is { Length: > 0 } path ? path
        : environment.IsDevelopment() ? Path.Combine(environment.ContentRootPath, "data", "issuer-keys")
        : throw new InvalidOperationException("Certificates:KeysPath is not set: outside Development the e-certificate issuer keys must be files kept outside the database (docs/operations.md).");

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<IssuerKey> All
    {
        get
        {
            var folder = Folder;
            if (environment.IsDevelopment() && (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.pem").Length == 0))
            {
                Rotate();
            }

            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.pem").Order(StringComparer.Ordinal).ToArray() : [];
            lock (_lock)
            {
                if (!files.SequenceEqual(_files))
                {
                    _keys = [.. files.Select(Read)];
                    _files = files;
                }

                return _keys;
            }
        }
    }

    /// <summary>The key that signs now: the newest.</summary>
    public IssuerKey Current => All is { Count: > 0 } keys ? keys[^1] : throw new InvalidOperationException($"No issuer key in '{Folder}': run rotate-issuer-key.");

    public IssuerKey? Find(string? id) => All.FirstOrDefault(k => k.Id == id);

    /// <summary>Adds a new key that signs from now on, named by the time so that names sort by age; returns its id.</summary>
    public string Rotate()
    {
        Directory.CreateDirectory(Folder);
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(Folder, $"issuer-{DateTime.UtcNow:yyyyMMddHHmmssfff}.pem");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem()));
        }

        return IdOf(fresh);
    }

    private static IssuerKey Read(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new(IdOf(key), key);
    }

    /// <summary>"key-" and the first 16 hex digits of SHA-256 over the public key.</summary>
    private static string IdOf(ECDsa key) => "key-" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
