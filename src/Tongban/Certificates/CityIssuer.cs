using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tongban.Certificates;

/// <summary>
/// The city as the issuer of e-certificates: its <c>did:web</c> identifier (from <c>Certificates:IssuerDomain</c>, the
/// domain its DID document is served on; "localhost" in Development), the DID document and JWKS that publish every
/// issuer key, and the signing of credentials as <c>application/vc+jwt</c> (JOSE by Microsoft.IdentityModel, ES256).
/// </summary>
public sealed class CityIssuer(IssuerKeys keys, IConfiguration configuration, IHostEnvironment environment)
{
    public const string MediaType = "application/vc+jwt";

    public string Did
    {
        get
        {
            var domain = configuration["Certificates:IssuerDomain"] is { Length: > 0 } d ? d
                : environment.IsDevelopment() ? "localhost"
                : throw new InvalidOperationException("Certificates:IssuerDomain is not set: the issuer's did:web needs the public domain that serves /.well-known/did.json.");
            return "did:web:" + domain.Replace(":", "%3A", StringComparison.Ordinal);
        }
    }

    /// <summary>The https address the DID resolves to, where the status lists live too.</summary>
    public string BaseUrl => "https://" + Uri.UnescapeDataString(Did["did:web:".Length..].Replace(':', '/'));

    public string MethodId(IssuerKey key) => $"{Did}#{key?.Id}";

    /// <summary>Signs a credential (the JWT payload is the credential itself), typ vc+jwt, kid the key's DID URL.</summary>
    public (string Jwt, string KeyId) Sign(JsonObject credential, string type = "vc+jwt")
    {
        ArgumentNullException.ThrowIfNull(credential);
        var key = keys.Current;
        var signing = new SigningCredentials(new ECDsaSecurityKey(key.Key) { KeyId = MethodId(key) }, SecurityAlgorithms.EcdsaSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var jwt = handler.CreateToken(credential.ToJsonString(), signing, new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = type });
        return (jwt, key.Id);
    }

    public JsonObject PublicJwk(IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.Key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["kid"] = MethodId(key),
            ["alg"] = "ES256",
            ["use"] = "sig",
        };
    }

    public JsonObject Jwks() => new() { ["keys"] = new JsonArray([.. keys.All.Select(k => (JsonNode)PublicJwk(k))]) };

    /// <summary>The DID document (DID Core 1.0, JsonWebKey verification methods): every key may verify, the newest issues.</summary>
    public JsonObject DidDocument()
    {
        var methods = keys.All.Select(k => (JsonNode)new JsonObject
        {
            ["id"] = MethodId(k),
            ["type"] = "JsonWebKey",
            ["controller"] = Did,
            ["publicKeyJwk"] = PublicJwk(k),
        });
        var ids = keys.All.Select(k => (JsonNode)JsonValue.Create(MethodId(k))!);
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = Did,
            ["verificationMethod"] = new JsonArray([.. methods]),
            ["assertionMethod"] = new JsonArray([.. ids]),
        };
    }

    /// <summary>
    /// Whether a signature by this key id verifies: null when the id names another issuer; false when it names us and
    /// a key we never had, or the signature does not verify.
    /// </summary>
    public async Task<bool?> Verifies(string jwt, string? kid)
    {
        if (kid is null || !kid.StartsWith(Did + "#", StringComparison.Ordinal))
        {
            return null;
        }

        if (keys.Find(kid[(Did.Length + 1)..]) is not { } key)
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(key.Key) { KeyId = kid },
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidTypes = ["vc+jwt"],
        });
        return result.IsValid;
    }

    /// <summary>Signs the transparency log's tree head (size, root, time) with the current key, as a compact JWS.</summary>
    public string SignTreeHead(long size, byte[] root, DateTime at) => Sign(new JsonObject
    {
        ["log"] = BaseUrl + "/transparency/certificates",
        ["treeSize"] = size,
        ["rootHash"] = Convert.ToBase64String(root),
        ["timestamp"] = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
    }, "tree-head+jwt").Jwt;
}
