using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Tongban.Platform.Data;

namespace Tongban.Certificates;

/// <summary>
/// The Bitstring Status List credentials (W3C, v1.0) for revocation and for suspension, at
/// <c>/credentials/status/{purpose}</c>: a list of <see cref="IssueCertificate.StatusListSize"/> bits, bit i set when the
/// certificate at index i is revoked (or suspended), index 0 the first byte's highest bit, GZIP-compressed and
/// multibase base64url-encoded ("u…"), signed like the certificates.
/// </summary>
public sealed class StatusLists(AppDbContext db, CityIssuer issuer, TimeProvider clock)
{
    public static readonly string[] Purposes = ["revocation", "suspension"];

    public async Task<string?> Credential(string purpose, CancellationToken cancellationToken)
    {
        if (!Purposes.Contains(purpose))
        {
            return null;
        }

        var set = purpose == "revocation"
            ? await db.Certificates.AsNoTracking().Where(c => c.RevokedAt != null).Select(c => c.StatusIndex).ToListAsync(cancellationToken)
            : await db.Certificates.AsNoTracking().Where(c => c.SuspendedAt != null).Select(c => c.StatusIndex).ToListAsync(cancellationToken);
        var url = issuer.BaseUrl + "/credentials/status/" + purpose;
        return issuer.Sign(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer.Did,
            ["validFrom"] = IssueCertificate.Iso(clock.GetUtcNow().UtcDateTime),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = purpose,
                ["encodedList"] = Encode(set),
            },
        }).Jwt;
    }

    public static string Encode(IEnumerable<int> setBits)
    {
        ArgumentNullException.ThrowIfNull(setBits);
        var bits = new byte[IssueCertificate.StatusListSize / 8];
        foreach (var i in setBits)
        {
            bits[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bits);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }
}
