using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tongban.Tests.Infrastructure;

/// <summary>A throw-away certificate that encrypts the data-protection keys at rest, as production requires one.</summary>
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

    /// <summary>The PKCS#12 file, made once per test run.</summary>
    public static string PfxPath => File.Value;
}
