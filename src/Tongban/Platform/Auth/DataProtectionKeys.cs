using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Tongban.Platform.Auth;

/// <summary>
/// The data-protection keys sign every cookie and antiforgery token, and live in the database so that every node
/// shares them. Whoever reads the database must not be able to forge a sign-in from them: they are encrypted with a
/// certificate kept outside it (<c>DataProtection:Certificate:Path</c>, a PKCS#12 file, and its <c>Password</c>).
/// Certificates named in <c>DataProtection:Certificate:Previous</c> still decrypt keys made before a rotation.
/// Outside Development Tongban refuses to start without one, unless <c>DataProtection:UnencryptedKeys</c> is true
/// (throw-away benchmark databases only).
/// </summary>
public static class DataProtectionKeys
{
    public static void ProtectAtRest(IDataProtectionBuilder protection, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("DataProtection:Certificate");
        if (section["Path"] is { Length: > 0 } path)
        {
            var current = Load(path, section["Password"]);
            var previous = section.GetSection("Previous").GetChildren().Select(p => Load(p["Path"] ?? "", p["Password"])).ToArray();
            protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
            return;
        }

        if (!environment.IsDevelopment() && !configuration.GetValue("DataProtection:UnencryptedKeys", false))
        {
            throw new InvalidOperationException(
                "DataProtection:Certificate:Path is not set: outside Development the keys that sign every cookie must be encrypted at rest "
                + "with a certificate kept outside the database (docs/operations.md). Set DataProtection:Certificate:Path and :Password.");
        }
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The data-protection certificate '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException($"The data-protection certificate '{path}' has no private key.");
    }
}
