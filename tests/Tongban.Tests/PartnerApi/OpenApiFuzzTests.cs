using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// The partner API against its own OpenAPI document: every <c>/api/v1</c> operation the document lists (and only what
/// it lists) is called with values made from its parameters and request body (valid ones, then each one wrong: hostile
/// strings, wrong types, huge and empty values, malformed JSON), under four callers (acting for a resident with every
/// scope, the partner's own token, a forged token, none). No answer is a 5xx; every status is one the document gives
/// for that operation; every JSON body validates (JsonSchema.Net, not written here) against the schema it documents.
/// </summary>
public sealed class OpenApiFuzzTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "0", "-1", "99999999999999999999", "1e309", "null", "true", "[]", "{}", "' OR '1'='1", "<script>alert(1)</script>",
        "../../etc/passwd", "%00", "\u0000", "\u202e\u4e2d", "😀", new string('9', 5000), "12345678-1234-1234-1234-1234567890ab",
    ];

    private static readonly string[] RawBodies = ["", "null", "[]", "{", "{\"service\":", "\"text\"", "{\"service\":1}", "{\"value\":{\"a\":[1,2]}}", "{\"service\":null,\"value\":null}"];

    private static readonly BuildOptions Lenient = new() { Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };

    [Fact]
    public async Task EveryOperationInTheDocument_AnswersOnlyWhatItDocuments_NeverA5xx()
    {
        var partner = await PartnerClient.Register(app, "fuzz-partner", requestsPerMinute: 100_000);
        var her = await People.SignInResident(app, People.NewMobile());
        var reader = await partner.AccessFor(her, "cases.read");
        var applicant = await partner.AccessFor(her, "applications.write");
        var (_, started) = await partner.Api(HttpMethod.Post, "/api/v1/me/applications", applicant, new { service = "senior-citizen-card" });
        var draftId = started.GetProperty("id").GetString()!;
        var callers = new (string Name, string? Token)[]
        {
            ("reader", reader), ("applicant", applicant), ("own", await partner.OwnToken()), ("forged", "CfDJ8" + new string('A', 300)), ("none", null),
        };

        var document = await OpenApiDocument();
        var definitions = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var operations = 0;
        var failures = new Dictionary<string, string>(); // each kind of failure once, with one address that shows it
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || operation["security"] is null)
                {
                    continue; // not a partner operation (the public e-certificate check has its own tests)
                }

                operations++;
                foreach (var request in Requests(path, method, operation, draftId))
                {
                    foreach (var (caller, token) in callers)
                    {
                        var problem = await Check(request, operation, token, definitions);
                        if (problem is not null)
                        {
                            failures.TryAdd($"{method.ToUpperInvariant()} {path} as {caller}: {problem}", request.Url);
                        }
                    }
                }
            }
        }

        Assert.True(operations >= 6, $"only {operations} partner operations in the document");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30).Select(f => $"{f.Key} (e.g. {f.Value[..Math.Min(120, f.Value.Length)]})")));
    }

    private sealed record FuzzRequest(string Url, HttpMethod Method, string? Body, string ContentType = "application/json");

    /// <summary>A valid request made from the document, then the same with one part at a time made wrong.</summary>
    private static IEnumerable<FuzzRequest> Requests(string path, string method, JsonObject operation, string draftId)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var valid = parameters.ToDictionary(p => p["name"]!.GetValue<string>(), p => ValidValue(p, draftId));
        var body = operation["requestBody"] is not null ? ValidBody(path) : null;
        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        yield return new(Url(path, parameters, valid), httpMethod, body);
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            // In a path, a NUL never reaches the app (Kestrel refuses the request line, the test host cannot send it), and an
            // empty value is another address (another operation's, or none).
            foreach (var hostile in HostileStrings.Where(h => parameter["in"]!.GetValue<string>() != "path" || (h.Length > 0 && !h.Contains('\0', StringComparison.Ordinal))))
            {
                yield return new(Url(path, parameters, new Dictionary<string, string>(valid) { [name] = hostile }), httpMethod, body);
            }
        }

        if (body is not null)
        {
            foreach (var hostile in HostileStrings)
            {
                yield return new(Url(path, parameters, valid), httpMethod, JsonSerializer.Serialize(new Dictionary<string, string> { [path.EndsWith("applications", StringComparison.Ordinal) ? "service" : "value"] = hostile }));
            }

            foreach (var raw in RawBodies)
            {
                yield return new(Url(path, parameters, valid), httpMethod, raw);
            }

            yield return new(Url(path, parameters, valid), httpMethod, body, "text/plain");
            yield return new(Url(path, parameters, valid), httpMethod, "{\"value\":\"" + new string('长', 200_000) + "\"}");
        }
    }

    private static string ValidValue(JsonObject parameter, string draftId) => parameter["name"]!.GetValue<string>() switch
    {
        "id" => draftId,
        "questionId" => "applicant.fullName",
        "reference" => "AAAAAAAAA",
        "offset" => "0",
        "limit" => "10",
        var other => other,
    };

    private static string ValidBody(string path) => path.EndsWith("applications", StringComparison.Ordinal) ? "{\"service\":\"senior-citizen-card\"}" : "{\"value\":\"陈志强\"}";

    private static string Url(string path, List<JsonObject> parameters, Dictionary<string, string> values)
    {
        var url = path;
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(values[name]), StringComparison.Ordinal);
            }
            else
            {
                query.Add($"{name}={Uri.EscapeDataString(values[name])}");
            }
        }

        return query.Count == 0 ? url : $"{url}?{string.Join('&', query)}";
    }

    private async Task<string?> Check(FuzzRequest fuzz, JsonObject operation, string? token, JsonNode definitions)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(fuzz.Method, fuzz.Url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (fuzz.Body is not null)
        {
            request.Content = new StringContent(fuzz.Body, Encoding.UTF8, fuzz.ContentType);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (status >= 500)
        {
            return $"{status}: {text[..Math.Min(300, text.Length)]}";
        }

        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not { } documented)
        {
            return $"{status} is not documented ({text[..Math.Min(200, text.Length)]})";
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (documented["content"] is not JsonObject content)
        {
            return text.Length == 0 ? null : $"{status} documents no body, got {mediaType}";
        }

        if (mediaType is null || content[mediaType]?["schema"] is not { } schemaNode)
        {
            return $"{status} came as {mediaType ?? "nothing"}, documented as {string.Join(", ", content.Select(c => c.Key))}";
        }

        var schema = schemaNode.DeepClone().AsObject();
        schema["$defs"] = definitions.DeepClone();
        var json = schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var result = JsonSchema.FromText(json, Lenient).Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? null
            : $"{status} body does not match its schema: {string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(3))}";
    }

    private async Task<JsonObject> OpenApiDocument()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        return JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!.AsObject();
    }
}
