using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Tongban.Catalogue.Hsds;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Hsds;

/// <summary>/hsds answers validate against the published HSDS 3.0 schemas (copied in Schemas/, see SOURCE.md).</summary>
public sealed class HsdsApiTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Hsds", "Schemas");
    private static readonly Lazy<JsonSchema> ServiceSchema = new(() => Load("service.json"));
    private static readonly Lazy<JsonSchema> ServiceListSchema = new(() => Load("service_list.json"));
    private static readonly Lazy<JsonSchema> PageSchema = new(() =>
    {
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, "openapi.json")))!;
        var page = openApi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty");
        return JsonSchema.FromText(page.ToJsonString(), Lenient);
    });

    // The HSDS schemas carry Frictionless Data keywords (name, core, constraints...): annotations, not rules.
    private static readonly BuildOptions Lenient = new() { Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };

    private static JsonSchema Load(string file) => JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, file)), Lenient);

    private static void AssertValid(JsonSchema schema, JsonElement instance, string what)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{what} does not validate:\n{string.Join("\n", errors.Take(20))}");
    }

    private async Task<(HttpStatusCode Status, JsonElement Json, string ContentType)> Get(string url, string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Fact]
    public async Task Root_SaysVersionProfileAndOpenApiUrl()
    {
        var (status, json, _) = await Get("/hsds/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.0", json.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(json.GetProperty("profile").GetString(), UriKind.Absolute));
        Assert.EndsWith("/openapi/v1.json", json.GetProperty("openapi_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_IsAPageOfValidServiceListItems()
    {
        var (status, json, _) = await Get("/hsds/services?per_page=10&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertValid(PageSchema.Value, json, "the page");
        Assert.True(json.GetProperty("total_items").GetInt32() >= 40);
        Assert.Equal(2, json.GetProperty("page_number").GetInt32());
        Assert.Equal(10, json.GetProperty("size").GetInt32());
        Assert.False(json.GetProperty("first_page").GetBoolean());
        Assert.False(json.GetProperty("last_page").GetBoolean());
        Assert.False(json.GetProperty("empty").GetBoolean());
        Assert.Equal((int)Math.Ceiling(json.GetProperty("total_items").GetInt32() / 10.0), json.GetProperty("total_pages").GetInt32());
        foreach (var item in json.GetProperty("contents").EnumerateArray())
        {
            AssertValid(ServiceListSchema.Value, item, $"service {item.GetProperty("id")}");
        }
    }

    [Fact]
    public async Task Services_PagesCoverEveryServiceOnce_AndThePageAfterTheLastIsEmpty()
    {
        var (_, first, _) = await Get("/hsds/services?per_page=20");
        var total = first.GetProperty("total_items").GetInt32();
        var pages = first.GetProperty("total_pages").GetInt32();
        var ids = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var (_, json, _) = await Get($"/hsds/services?per_page=20&page={page}");
            ids.AddRange(json.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            Assert.Equal(page == pages, json.GetProperty("last_page").GetBoolean());
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        var (_, beyond, _) = await Get($"/hsds/services?per_page=20&page={pages + 1}");
        Assert.True(beyond.GetProperty("empty").GetBoolean());
        AssertValid(PageSchema.Value, beyond, "an empty page");
    }

    [Fact]
    public async Task Services_FiltersCombineWithAnd()
    {
        var organization = HsdsIds.For("department", "civil-affairs").ToString();
        var category = HsdsIds.For("category", "elderly").ToString();

        var (_, byOrganization, _) = await Get($"/hsds/services?organization_id={organization}&per_page=200");
        var (_, both, _) = await Get($"/hsds/services?organization_id={organization}&taxonomy_term_id={category}&per_page=200");
        var (_, withSearch, _) = await Get($"/hsds/services?organization_id={organization}&taxonomy_term_id={category}&search={Uri.EscapeDataString("80")}&per_page=200");
        var (_, searchElsewhere, _) = await Get($"/hsds/services?organization_id={organization}&search={Uri.EscapeDataString("driving licence")}");

        static List<string> Names(JsonElement page) => page.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("url").GetString()!).ToList();
        Assert.Equal(7, Names(byOrganization).Count);
        Assert.Equal(
            ["/services/elderly-allowance", "/services/home-care-subsidy", "/services/senior-citizen-card"],
            Names(both).Select(u => new Uri(u).AbsolutePath).Order());
        Assert.Equal(["/services/elderly-allowance"], Names(withSearch).Select(u => new Uri(u).AbsolutePath));
        Assert.True(searchElsewhere.GetProperty("empty").GetBoolean());
    }

    [Fact]
    public async Task Services_ModifiedAfterTheFuture_IsEmpty_AndAfterThePast_IsEverything()
    {
        var (_, future, _) = await Get("/hsds/services?modified_after=2999-01-01T00:00:00Z");
        var (_, past, _) = await Get("/hsds/services?modified_after=2000-01-01T00:00:00Z&per_page=200");

        Assert.Equal(0, future.GetProperty("total_items").GetInt32());
        Assert.True(past.GetProperty("total_items").GetInt32() >= 40);
    }

    [Fact]
    public async Task ServiceById_IsAValidFullyNestedService_InTheRequestedLanguage()
    {
        var id = HsdsIds.Service("elderly-allowance");

        var (status, en, _) = await Get($"/hsds/services/{id}", "en");
        var (_, zh, _) = await Get($"/hsds/services/{id}", "zh-CN");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertValid(ServiceSchema.Value, en, "the English service");
        AssertValid(ServiceSchema.Value, zh, "the Chinese service");
        Assert.Equal("Allowance for people aged 80 and over", en.GetProperty("name").GetString());
        Assert.Equal("高龄老人津贴", zh.GetProperty("name").GetString());
        Assert.Contains(en.GetProperty("phones").EnumerateArray(), p => p.GetProperty("number").GetString() == "12345");
        Assert.True(en.GetProperty("service_at_locations").GetArrayLength() >= 11);
        Assert.Equal(3, en.GetProperty("required_documents").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "id": "not-a-uuid", "name": "x", "status": "active" }""")]
    [InlineData("""{ "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "status": "active" }""")]
    [InlineData("""{ "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "name": "x", "status": "open" }""")]
    public void TheSchemaCheckItself_RejectsInvalidServices(string json)
    {
        var result = ServiceListSchema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { RequireFormatValidation = true });

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("/hsds/services/not-a-uuid", HttpStatusCode.NotFound)]
    [InlineData("/hsds/services/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/hsds/services?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/hsds/services?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/hsds/services?per_page=100000", HttpStatusCode.BadRequest)]
    [InlineData("/hsds/services?per_page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/hsds/services?modified_after=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/hsds/no-such-thing", HttpStatusCode.NotFound)]
    public async Task BadRequests_GetProblemDetails_NeverA500(string url, HttpStatusCode expected)
    {
        var (status, json, contentType) = await Get(url);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryJsonEndpoint()
    {
        var (status, json, _) = await Get("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/hsds", paths);
        Assert.Contains("/hsds/services", paths);
        Assert.Contains("/hsds/services/{id}", paths);
        var parameters = json.GetProperty("paths").GetProperty("/hsds/services").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["page", "per_page", "search", "organization_id", "taxonomy_term_id", "modified_after"], parameters);
    }
}
