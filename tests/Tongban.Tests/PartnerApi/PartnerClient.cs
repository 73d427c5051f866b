using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.PartnerApi;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// A partner's server as the tests play it: registered by the operator, it sends a resident to the consent screen with
/// PKCE, then exchanges codes and refresh tokens and calls the API with plain HTTP, as the partner guide shows with curl.
/// </summary>
public sealed class PartnerClient(TongbanApp app, string clientId, string secret, string redirectUri)
{
    public string ClientId => clientId;
    public string RedirectUri => redirectUri;
    public string Secret => secret;

    public static async Task<PartnerClient> Register(TongbanApp app, string clientId, string[]? scopes = null, string nameEn = "Test Super-app", int requestsPerMinute = 600)
    {
        var redirect = $"https://{clientId}.example/callback";
        await using var scope = app.Scope();
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterPartner>().Handle(
            new PartnerRegistration(clientId, "测试超级应用", nameEn, "ops@" + clientId + ".example", [redirect], scopes ?? [.. PartnerScopes.All], requestsPerMinute), TestContext.Current.CancellationToken);
        Assert.True(registered.Succeeded, string.Join("; ", registered.Errors.Values));
        return new(app, clientId, registered.ClientSecret!, redirect);
    }

    /// <summary>A PKCE verifier and its S256 challenge (RFC 7636).</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public const string DefaultScope = "openid offline_access cases.read applications.write";

    public string AuthorizeUrl(string challenge, string scope = DefaultScope, string state = "st-1", string? redirect = null) =>
        $"/connect/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect ?? redirectUri)}&scope={Uri.EscapeDataString(scope)}"
        + $"&state={state}&code_challenge={challenge}&code_challenge_method=S256";

    /// <summary>Her browser (signed in) answers the consent screen, allowing <paramref name="granted"/> only (the boxes ticked, space-separated, or none); returns where she is sent.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Answer(FormClient her, string challenge, string? granted, string decision = "allow", string scope = DefaultScope)
    {
        ArgumentNullException.ThrowIfNull(her);
        var fields = new Dictionary<string, string> { ["decision"] = decision };
        foreach (var (box, i) in (granted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((box, i) => (box, i)))
        {
            fields[$"Granted[{i}]"] = box;
        }

        return await her.Submit(AuthorizeUrl(challenge, scope), fields);
    }

    /// <summary>She allows <paramref name="granted"/>; returns the code the partner receives at its return address.</summary>
    public async Task<string> Consent(FormClient her, string challenge, string granted, string scope = DefaultScope)
    {
        var (status, html, location) = await Answer(her, challenge, granted, scope: scope);
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.StartsWith(redirectUri + "?", location!.OriginalString, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("st-1", query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>She allows <paramref name="granted"/>; returns the access token the partner gets for it.</summary>
    public async Task<string> AccessFor(FormClient her, string granted, string scope = DefaultScope)
    {
        var (verifier, challenge) = Pkce();
        var (status, tokens) = await RedeemCode(await Consent(her, challenge, granted, scope), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>The partner's own access token (client credentials), for calls that act for nobody.</summary>
    public async Task<string> OwnToken(string scope = "catalogue")
    {
        var (status, tokens) = await Token(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope });
        Assert.True(status == HttpStatusCode.OK, tokens.ToString());
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>Starts her application for <paramref name="service"/> through the API and answers every question it asks from <paramref name="answers"/>; returns the last state.</summary>
    public Task<JsonElement> FillIn(string access, string service, IReadOnlyDictionary<string, string> answers) => FillIn(access, (object)new { service }, answers);

    /// <summary>Starts her application as <paramref name="start"/> says (a service, or a life event and what to leave out) and answers every question it asks.</summary>
    public async Task<JsonElement> FillIn(string access, object start, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (started, application) = await Api(HttpMethod.Post, "/api/v1/me/applications", access, start);
        Assert.True(started == HttpStatusCode.Created, application.ToString());
        var id = application.GetProperty("id").GetString();
        for (var i = 0; i < 30 && application.TryGetProperty("next", out var next); i++)
        {
            var question = next.GetProperty("id").GetString()!;
            var (answered, state) = await Api(HttpMethod.Put, $"/api/v1/me/applications/{id}/answers/{question}", access, new { value = answers[question] });
            Assert.True(answered == HttpStatusCode.OK, state.ToString());
            application = state;
        }

        return application;
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> Token(IDictionary<string, string> form, string? asSecret = null) =>
        Send(HttpMethod.Post, "/connect/token", new FormUrlEncodedContent(form), new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{asSecret ?? secret}"))));

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemCode(string code, string verifier) => Token(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
        ["code_verifier"] = verifier,
    });

    public Task<(HttpStatusCode Status, JsonElement Body)> Refresh(string refreshToken) =>
        Token(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public Task<(HttpStatusCode Status, JsonElement Body)> Api(string path, string accessToken) =>
        Send(HttpMethod.Get, path, null, new AuthenticationHeaderValue("Bearer", accessToken));

    /// <summary>Calls the API with a JSON body, in <paramref name="language"/> (Accept-Language).</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> Api(HttpMethod method, string path, string accessToken, object? body, string language = "en") =>
        Send(method, path, body is null ? null : System.Net.Http.Json.JsonContent.Create(body), new AuthenticationHeaderValue("Bearer", accessToken), language);

    /// <summary>Sends a document as multipart/form-data (field <c>file</c>), in <paramref name="language"/>.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> Upload(string path, string accessToken, string fileName, byte[] bytes, string language = "en") =>
        Multipart(HttpMethod.Put, path, accessToken, [], [("file", fileName, bytes)], language);

    /// <summary>Sends fields and files as multipart/form-data, in <paramref name="language"/>.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> Multipart(
        HttpMethod method, string path, string accessToken, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Field, string FileName, byte[] Bytes)> files, string language = "en")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return Send(method, path, form, new AuthenticationHeaderValue("Bearer", accessToken), language);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpMethod method, string path, HttpContent? content, AuthenticationHeaderValue authorization, string language = "en")
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = authorization;
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
