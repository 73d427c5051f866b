using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// Partners build on the published description of <c>/api/v1</c> (docs/openapi/v1.json). A change that would break one
/// (an operation gone, a parameter or request field newly required, a response field gone or no longer always sent, a
/// success status changed) belongs in <c>/api/v2</c>, beside v1; this fails when the running app breaks the published
/// promise, and asks for the published file to be renewed when the API only grew.
/// </summary>
public sealed class ApiContractTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    public const string PublishedPath = "docs/openapi/v1.json";

    [Fact]
    public async Task TheRunningApi_KeepsEverythingThePublishedV1Promises()
    {
        using var client = app.CreateClient();
        var live = Comparable(JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!);
        var published = Comparable(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Checkout.Root, PublishedPath), TestContext.Current.CancellationToken))!);

        var breaking = Breaking(published, live);
        Assert.True(breaking.Count == 0, "Changes that would break partners (put them in /api/v2): " + string.Join("; ", breaking));
        if (!JsonNode.DeepEquals(published, live))
        {
            if (Environment.GetEnvironmentVariable("TONGBAN_PUBLISH_API") == "1")
            {
                await File.WriteAllTextAsync(Path.Combine(Checkout.Root, PublishedPath), live.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", TestContext.Current.CancellationToken);
            }
            else
            {
                Assert.Fail($"The API grew without breaking anything: publish its description with TONGBAN_PUBLISH_API=1 and this test, then commit {PublishedPath}.");
            }
        }
    }

    [Fact]
    public void ARemovedFieldOrANewlyRequiredOne_IsBreaking()
    {
        var published = JsonNode.Parse("""
            {"paths":{"/api/v1/x":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/In"}}}},"responses":{"200":{}}}}},
             "components":{"schemas":{"In":{"properties":{"a":{}},"required":[]},"Out":{"properties":{"b":{},"c":{}},"required":["b"]}}}}
            """)!.AsObject();
        var live = JsonNode.Parse("""
            {"paths":{"/api/v1/x":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/In"}}}},"responses":{"201":{}}}}},
             "components":{"schemas":{"In":{"properties":{"a":{}},"required":["a"]},"Out":{"properties":{"b":{}},"required":[]}}}}
            """)!.AsObject();
        Assert.Equal(4, Breaking(published, live).Count);
        Assert.Empty(Breaking(published, published));
    }

    /// <summary>The partner API's part of the document, without what depends on the host that served it.</summary>
    private static JsonObject Comparable(JsonNode document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("servers");
        var paths = copy["paths"]!.AsObject();
        foreach (var path in paths.Select(p => p.Key).Where(p => !p.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList())
        {
            paths.Remove(path);
        }

        return copy;
    }

    private static List<string> Breaking(JsonObject published, JsonObject live)
    {
        var problems = new List<string>();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, methods) in published["paths"]!.AsObject())
        {
            foreach (var (method, operation) in methods!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (live["paths"]?[path]?[method] is not JsonObject now)
                {
                    problems.Add($"{name} is gone");
                    continue;
                }

                if (operation!["requestBody"]?.ToJsonString() is { } body && RefName(body) is { } input)
                {
                    requests.Add(input);
                }

                var before = Names(operation["parameters"]);
                problems.AddRange(now["parameters"]?.AsArray().Where(p => p!["required"]?.GetValue<bool>() == true && !before.Contains(p["name"]!.GetValue<string>()))
                    .Select(p => $"{name} newly requires '{p!["name"]}'") ?? []);
                var success = Codes(operation["responses"]);
                if (!success.SetEquals(Codes(now["responses"])))
                {
                    problems.Add($"{name} answers {string.Join('/', Codes(now["responses"]))} instead of {string.Join('/', success)}");
                }
            }
        }

        foreach (var (schema, definition) in published["components"]?["schemas"]?.AsObject() ?? [])
        {
            var now = live["components"]?["schemas"]?[schema];
            var fields = definition!["properties"]?.AsObject().Select(p => p.Key) ?? [];
            problems.AddRange(fields.Where(f => now?["properties"]?[f] is null).Select(f => $"{schema}.{f} is gone"));
            var (was, @is) = (Names(definition["required"]), Names(now?["required"]));
            problems.AddRange(requests.Contains(schema)
                ? @is.Except(was).Select(f => $"{schema}.{f} is newly required of partners")
                : was.Except(@is).Where(f => now?["properties"]?[f] is not null).Select(f => $"{schema}.{f} is no longer always sent"));
        }

        return problems;
    }

    private static string? RefName(string json) =>
        System.Text.RegularExpressions.Regex.Match(json, "#/components/schemas/([A-Za-z0-9_.]+)") is { Success: true } m ? m.Groups[1].Value : null;

    private static HashSet<string> Names(JsonNode? list) =>
        [.. list?.AsArray().Select(n => n is JsonObject o ? o["name"]!.GetValue<string>() : n!.GetValue<string>()) ?? []];

    private static HashSet<string> Codes(JsonNode? responses) =>
        [.. responses?.AsObject().Select(r => r.Key).Where(c => c.StartsWith('2')) ?? []];
}
