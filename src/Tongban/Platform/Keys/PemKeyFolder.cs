using System.Security.Cryptography;
using System.Text;

namespace Tongban.Platform.Keys;

/// <summary>One private key of a <see cref="PemKeyFolder{TKey}"/>: its id (published beside its public half) and the key.</summary>
public sealed record FolderKey<TKey>(string Id, TKey Key)
    where TKey : AsymmetricAlgorithm;

/// <summary>
/// Signing keys kept as one PEM file each in a folder, never in the database (whoever can write the database cannot
/// sign). Files are named by the time they were made, so the newest sorts last and signs; the older ones stay published
/// so that what they signed stays verifiable. Every node reads the same folder; a key added by a rotation is picked up
/// on the next read. In Development a missing folder is made with a first key.
/// </summary>
public sealed class PemKeyFolder<TKey>(Func<string> folder, string filePrefix, Func<TKey> create, bool makeFirstKey)
    where TKey : AsymmetricAlgorithm
{
    private readonly Lock _lock = new();
    private string[] _files = [];
    private IReadOnlyList<FolderKey<TKey>> _keys = [];

    public string Folder => folder();

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<FolderKey<TKey>> All
    {
        get
        {
            var path = Folder;
            if (makeFirstKey && (!Directory.Exists(path) || Directory.GetFiles(path, "*.pem").Length == 0))
            {
                Rotate();
            }

            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.pem").Order(StringComparer.Ordinal).ToArray() : [];
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

    /// <summary>Adds a new key that signs from now on; returns its id.</summary>
    public string Rotate()
    {
        Directory.CreateDirectory(Folder);
        using var fresh = create();
        var path = Path.Combine(Folder, $"{filePrefix}-{DateTime.UtcNow:yyyyMMddHHmmssfff}.pem");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem()));
        }

        return IdOf(fresh);
    }

    private FolderKey<TKey> Read(string path)
    {
        var key = create();
        key.ImportFromPem(File.ReadAllText(path));
        return new(IdOf(key), key);
    }

    /// <summary>"key-" and the first 16 hex digits of SHA-256 over the public key.</summary>
    private static string IdOf(TKey key) => "key-" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
