using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tongban.Tests.Infrastructure;

/// <summary>Throw-away keys production requires from outside the database: the data-protection certificate, the audit anchor key.</summary>
public static class TestCertificate
{
    public const string Password = "test-only";

    private static readonly Lazy<string> File = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Tongban test data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("tongban-cert-").FullName, "data-protection.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });

    private static readonly Lazy<string> AnchorKey = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("tongban-anchor-").FullName, "audit-anchor-key.pem");
        System.IO.File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    });

    /// <summary>A new folder holding one e-certificate issuer key (ECDSA P-256, PKCS#8 PEM).</summary>
    public static string NewIssuerKeysFolder()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var folder = Directory.CreateTempSubdirectory("tongban-issuer-").FullName;
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "issuer-00000000000000000.pem"), key.ExportPkcs8PrivateKeyPem());
        return folder;
    }

    private static readonly Lazy<string> PartnerKeys = new(() =>
    {
        using var key = RSA.Create(2048);
        var folder = Directory.CreateTempSubdirectory("tongban-partner-api-").FullName;
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "partner-api-00000000000000000.pem"), key.ExportPkcs8PrivateKeyPem());
        return folder;
    });

    /// <summary>A folder holding one partner API signing key (RSA 2048), shared by the apps of a test run.</summary>
    public static string PartnerKeysPath => PartnerKeys.Value;

    /// <summary>A key for signing the audit log's tree heads, made once per test run.</summary>
    public static string AnchorKeyPath => AnchorKey.Value;

    /// <summary>The PKCS#12 file, made once per test run.</summary>
    public static string PfxPath => File.Value;
}
