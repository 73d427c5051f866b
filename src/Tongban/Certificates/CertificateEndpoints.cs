using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongban.Certificates;

/// <summary>
/// What a verifier fetches, without signing in and without naming anyone: the issuer's DID document and JWKS, the
/// status lists, the transparency log's signed head and proofs, and a verification API for programs.
/// </summary>
public static class CertificateEndpoints
{
    public sealed record VerifyRequest(string? Credential);

    public sealed record VerifyAnswer(string Verdict, string? Issuer, string? IssuerName, string? Number, string? Kind, JsonObject? KindName, string? HolderName,
        string? HolderIdNumberMasked, DateTime? ValidFrom, DateTime? ValidUntil, long? LogIndex, long? LogSize);

    public sealed record Proof(long LeafIndex, long TreeSize, IReadOnlyList<string> AuditPath);

    public sealed record Consistency(long First, long Second, IReadOnlyList<string> Proof);

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/did.json", (CityIssuer issuer) => Results.Text(issuer.DidDocument().ToJsonString(), "application/did+json"))
            .WithTags("E-certificates").WithName("getIssuerDid").WithSummary("The city's issuer DID document (did:web), with every key that may verify a certificate.");
        endpoints.MapGet("/.well-known/jwks.json", (CityIssuer issuer) => Results.Text(issuer.Jwks().ToJsonString(), "application/jwk-set+json"))
            .WithTags("E-certificates").WithName("getIssuerJwks").WithSummary("The same keys as a JSON Web Key Set.");
        endpoints.MapGet("/credentials/status/{purpose}", StatusList)
            .WithTags("E-certificates").WithName("getStatusList").WithSummary("The Bitstring Status List credential for 'revocation' or 'suspension', as application/vc+jwt.");
        endpoints.MapPost("/api/v1/verify", Verify).DisableAntiforgery()
            .WithTags("E-certificates").WithName("verifyCredential").WithSummary("Checks a credential (form field or JSON body 'credential'): valid, revoked, suspended, expired, forged, from another issuer, or not a credential.");

        var log = endpoints.MapGroup("/transparency/certificates").WithTags("E-certificates");
        log.MapGet("/", async (CertificateLog l, CancellationToken ct) => TypedResults.Ok(await l.Head(ct)))
            .WithName("getCertificateTreeHead").WithSummary("The certificate log's tree head (RFC 9162 hashing), signed by the issuer key as a JWS.");
        log.MapGet("/proof", Include).WithName("getCertificateInclusionProof").WithSummary("The inclusion proof (RFC 9162 2.1.3) of a leaf in the tree of a size.");
        log.MapGet("/consistency", Consistent).WithName("getCertificateConsistencyProof").WithSummary("The consistency proof (RFC 9162 2.1.4) between two sizes.");
        log.MapGet("/entries", async (CertificateLog l, long? start, CancellationToken ct) => TypedResults.Ok(await l.Entries(start ?? 0, ct)))
            .WithName("getCertificateLogEntries").WithSummary("Up to 1,000 entries of the log from 'start', each the text its leaf hashes.");
        return endpoints;
    }

    private static async Task<IResult> StatusList(string purpose, StatusLists lists, CancellationToken cancellationToken) =>
        await lists.Credential(purpose, cancellationToken) is { } jwt
            ? Results.Text(jwt, CityIssuer.MediaType)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such status list.", detail: "The lists are 'revocation' and 'suspension'.");

    private static async Task<Results<Ok<VerifyAnswer>, ProblemHttpResult>> Verify(HttpRequest request, VerifyCredential verify, CancellationToken cancellationToken)
    {
        if (request.ContentLength > VerifyCredential.MaxLength * 2)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large to be a credential.", detail: $"A credential is at most {VerifyCredential.MaxLength} characters.");
        }

        string? credential;
        try
        {
            credential = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["credential"].ToString()
                : (await request.ReadFromJsonAsync<VerifyRequest>(cancellationToken))?.Credential;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or BadHttpRequestException or InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send the credential.", detail: "A form field or a JSON body {\"credential\": \"…\"} holding the credential (application/vc+jwt).");
        }

        if (string.IsNullOrWhiteSpace(credential))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send the credential.", detail: "The field 'credential' is empty.");
        }

        var v = await verify.Handle(credential, Channel.PartnerApp, cancellationToken);
        return TypedResults.Ok(new VerifyAnswer(v.Verdict.ToString().ToLowerInvariant(), v.Issuer, v.IssuerName, v.Number, v.Kind, v.KindName, v.HolderName,
            v.HolderIdNumberMasked, v.ValidFrom, v.ValidUntil, v.LogIndex, v.LogSize));
    }

    private static async Task<Results<Ok<Proof>, ProblemHttpResult>> Include(CertificateLog log, long? index, long? size, CancellationToken cancellationToken) =>
        index is { } i && size is { } n && await log.InclusionProof(i, n, cancellationToken) is { } path
            ? TypedResults.Ok(new Proof(i, n, path.Select(Convert.ToBase64String).ToList()))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No such leaf in a tree of that size.", detail: "Give 'index' from 0 and 'size' above it, at most the log's size.");

    private static async Task<Results<Ok<Consistency>, ProblemHttpResult>> Consistent(CertificateLog log, long? first, long? second, CancellationToken cancellationToken) =>
        first is { } m && second is { } n && await log.ConsistencyProof(m, n, cancellationToken) is { } proof
            ? TypedResults.Ok(new Consistency(m, n, proof.Select(Convert.ToBase64String).ToList()))
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No such pair of sizes.", detail: "Give 'first' from 1 and 'second' from 'first' up to the log's size.");
}
