using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Certificates;

public enum Verdict
{
    Valid,
    Revoked,
    Suspended,
    Expired,

    /// <summary>Its signature does not verify, or it says it is ours and the register never issued it as it stands.</summary>
    Forged,

    /// <summary>Signed by someone else: the city cannot vouch for it either way.</summary>
    OtherIssuer,

    /// <summary>Not a credential at all (text, an image, a file too large).</summary>
    NotACredential,
}

/// <summary>What a verifier learns: the verdict and, for one of ours, who issued it, what it discloses, and its place in the log.</summary>
public sealed record Verification(Verdict Verdict, string? Issuer = null, string? IssuerName = null, string? Number = null, string? Kind = null,
    JsonObject? KindName = null, string? HolderName = null, string? HolderIdNumberMasked = null, DateTime? ValidFrom = null, DateTime? ValidUntil = null,
    long? LogIndex = null, long? LogSize = null);

/// <summary>
/// Checks a credential a resident shows: the compact JWS itself (scanned or pasted), a file holding it, or the short
/// link of her certificate's QR code. The signature is checked against the issuer key its header names (one of the
/// city's, current or rotated out), then the register says whether it was issued as it stands, and whether it is
/// revoked, suspended or past its validity. A check of one of hers goes on her trail as "checked by a verifier".
/// </summary>
public sealed partial class VerifyCredential(AppDbContext db, CityIssuer issuer, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Larger than any credential the city issues: anything bigger is refused before it is parsed.</summary>
    public const int MaxLength = 16_000;

    public async Task<Verification> Handle(string? presented, Channel channel, CancellationToken cancellationToken)
    {
        var text = presented?.Trim() ?? "";
        if (text.Length is 0 or > MaxLength)
        {
            return new(Verdict.NotACredential);
        }

        if (ShortLink().Match(text) is { Success: true } link)
        {
            var id = Guid.Parse(link.Groups[1].Value, CultureInfo.InvariantCulture);
            text = await db.Certificates.AsNoTracking().Where(c => c.Id == id).Select(c => c.Jwt).SingleOrDefaultAsync(cancellationToken) ?? "";
            if (text.Length == 0)
            {
                return new(Verdict.NotACredential);
            }
        }

        var handler = new JsonWebTokenHandler();
        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(text);
        }
        catch (ArgumentException)
        {
            return new(Verdict.NotACredential);
        }

        if (token.Typ != "vc+jwt")
        {
            return new(Verdict.NotACredential);
        }

        var verifies = await issuer.Verifies(text, token.Kid);
        if (verifies is null)
        {
            return new(Verdict.OtherIssuer, Issuer: IssuerOf(token));
        }

        if (verifies == false || !Guid.TryParse(Claim(token, "id")?.Replace("urn:uuid:", "", StringComparison.Ordinal), out var certificateId))
        {
            return new(Verdict.Forged);
        }

        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null || certificate.Jwt != text)
        {
            return new(Verdict.Forged);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var verdict = certificate.RevokedAt is not null ? Verdict.Revoked
            : certificate.SuspendedAt is not null ? Verdict.Suspended
            : certificate.ValidUntil < now ? Verdict.Expired
            : Verdict.Valid;
        var credential = certificate.Credential();
        var subject = credential["credentialSubject"]?.AsObject();
        await audit.Record(certificate.ResidentId, Actor.Verifier(channel), AuditAction.Viewed, AuditSubject.Certificate(certificate.Number), cancellationToken);
        return new(verdict, issuer.Did, credential["issuer"]?["name"]?.GetValue<string>(), certificate.Number, certificate.Kind,
            subject?["certificate"]?["name"]?.DeepClone().AsObject(), subject?["name"]?.GetValue<string>(), subject?["idNumberMasked"]?.GetValue<string>(),
            certificate.IssuedAt, certificate.ValidUntil, certificate.LogIndex, await db.Set<CertificateLogEntry>().LongCountAsync(cancellationToken));
    }

    private static string? IssuerOf(JsonWebToken token)
    {
        try
        {
            var credential = JsonNode.Parse(Base64Url(token.EncodedPayload));
            return credential?["issuer"] is JsonObject o ? o["id"]?.GetValue<string>() : credential?["issuer"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Claim(JsonWebToken token, string name) => token.TryGetPayloadValue<string>(name, out var value) ? value : null;

    private static string Base64Url(string encoded) => System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(encoded));

    [GeneratedRegex(@"/verify/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$")]
    private static partial Regex ShortLink();
}
