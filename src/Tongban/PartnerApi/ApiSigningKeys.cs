using System.Security.Cryptography;
using Tongban.Platform.Keys;

namespace Tongban.PartnerApi;

/// <summary>
/// The RSA keys that sign the partner API's ID tokens, published at <c>/connect/jwks</c>: one PEM file each in
/// <c>Partners:Api:KeysPath</c> (see <see cref="PemKeyFolder{TKey}"/>), added by <c>rotate-partner-key</c> and read when
/// the app starts, so a rotation takes effect on each node as it restarts while every node still publishes the older
/// keys. RSA (RS256), because it is what every OpenID Connect client expects by default. In Development a first key is
/// made under <c>data/</c>; elsewhere the folder must hold one.
/// </summary>
public sealed class ApiSigningKeys(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly PemKeyFolder<RSA> _folder = new(() => Folder(configuration, environment), "partner-api", () => RSA.Create(2048), environment.IsDevelopment());

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<FolderKey<RSA>> All => _folder.All is { Count: > 0 } keys ? keys
        : throw new InvalidOperationException($"No partner API signing key in '{_folder.Folder}': run rotate-partner-key.");

    public string Rotate() => _folder.Rotate();

    private static string Folder(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Partners:Api:KeysPath"] is { Length: > 0 } path ? path
        : environment.IsDevelopment() ? Path.Combine(environment.ContentRootPath, "data", "partner-api-keys")
        : throw new InvalidOperationException("Partners:Api:KeysPath is not set: outside Development the partner API's signing keys must be files kept outside the database (docs/operations.md).");
}
