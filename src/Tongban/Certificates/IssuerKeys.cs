using System.Security.Cryptography;
using Tongban.Platform.Keys;

namespace Tongban.Certificates;

/// <summary>One of the city's issuer keys (ECDSA P-256): its id in the DID document and its key.</summary>
public sealed record IssuerKey(string Id, ECDsa Key);

/// <summary>
/// The keys that sign the city's e-certificates (ECDSA P-256), one PEM file each in the folder <c>Certificates:KeysPath</c>
/// (see <see cref="PemKeyFolder{TKey}"/>); <c>rotate-issuer-key</c> adds one. In Development the folder and a first key
/// are made under <c>data/</c>; elsewhere the folder must hold one.
/// </summary>
public sealed class IssuerKeys(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly PemKeyFolder<ECDsa> _folder = new(
        () => Folder(configuration, environment), "issuer", () => ECDsa.Create(ECCurve.NamedCurves.nistP256), environment.IsDevelopment());

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<IssuerKey> All => [.. _folder.All.Select(k => new IssuerKey(k.Id, k.Key))];

    /// <summary>The key that signs now: the newest.</summary>
    public IssuerKey Current => All is { Count: > 0 } keys ? keys[^1] : throw new InvalidOperationException($"No issuer key in '{_folder.Folder}': run rotate-issuer-key.");

    public IssuerKey? Find(string? id) => All.FirstOrDefault(k => k.Id == id);

    /// <summary>Adds a new key that signs from now on; returns its id.</summary>
    public string Rotate() => _folder.Rotate();

    private static string Folder(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Certificates:KeysPath"] is { Length: > 0 } path ? path
        : environment.IsDevelopment() ? Path.Combine(environment.ContentRootPath, "data", "issuer-keys")
        : throw new InvalidOperationException("Certificates:KeysPath is not set: outside Development the e-certificate issuer keys must be files kept outside the database (docs/operations.md).");
}
