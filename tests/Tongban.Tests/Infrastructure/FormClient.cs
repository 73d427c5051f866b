using System.Net;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client: sends a language (and optionally the elder-mode cookie), keeps cookies,
/// does not follow redirects, speaks HTTPS (as production requires for its cookies), and posts forms with the antiforgery token read from the page.
/// </summary>
public sealed class FormClient(TongbanApp app, string language = "en", bool elder = false)
{
    private static int _devices;
    private static readonly Uri Site = new("https://localhost");
    private readonly Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler _cookies = new();
    private HttpClient? _client;

    // The test server does not follow redirects: every answer is seen as the browser gets it.
    private HttpClient Http => _client ??= app.CreateDefaultClient(Site, _cookies);

    /// <summary>The cookies this device holds, as a browser (or someone who copied them) would send them.</summary>
    public string CookieHeader => _cookies.Container.GetCookieHeader(Site);

    /// <summary>Sends a request as this device does (its language and address), for what a form cannot send.</summary>
    public Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> Send(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add(RemoteAddressFromHeader.Header, _address);
        return SendAs(request);
    }

    /// <summary>Sends a request with this device's cookies and language, from whatever address the request names.</summary>
    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> SendAs(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Accept-Language", language);
        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response);
    }

    /// <summary>Each client is its own device with its own address (see <see cref="RemoteAddressFromHeader"/>).</summary>
    private readonly string _address = NextAddress();

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _devices);
        return $"10.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}";
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Get(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        request.Headers.Add(RemoteAddressFromHeader.Header, _address);
        if (elder)
        {
            request.Headers.Add("Cookie", ".Tongban.ElderMode=1");
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location);
    }

    /// <summary>The antiforgery token a form on <paramref name="url"/> carries for this device, or null when it has no form.</summary>
    public async Task<string?> AntiforgeryToken(string url)
    {
        var (_, page, _) = await Get(url);
        return PageForm.Token(page);
    }

    /// <summary>Loads the page at <paramref name="url"/>, then posts its form with the given fields.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Submit(string url, IDictionary<string, string> fields, string? action = null)
    {
        var (_, page, _) = await Get(url);
        return await Post(action ?? url, PageForm.Fields(page, fields, url));
    }

    /// <summary>Loads the page at <paramref name="url"/>, then posts its form with one file, as a browser's file input does.</summary>
    public Task<(HttpStatusCode Status, string Html, Uri? Location)> Upload(string url, string field, string fileName, byte[] content) =>
        Upload(url, new Dictionary<string, string>(), (field, fileName, content));

    /// <summary>Loads the page, then posts its form as multipart with <paramref name="fields"/> and any number of files.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Upload(string url, IDictionary<string, string> fields, params (string Field, string Name, byte[] Content)[] files)
    {
        var (_, page, _) = await Get(url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageForm.Token(page) ?? ""), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var named = new HashSet<string>(fields.Keys);
        foreach (var (name, value) in PageForm.Hidden(page))
        {
            // The first of each name, as Submit takes it: a page with several forms repeats its hidden fields.
            if (named.Add(name))
            {
                form.Add(new StringContent(value), name);
            }
        }

        foreach (var (field, fileName, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/pdf");
            form.Add(file, field, fileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("Accept-Language", language);
        request.Headers.Add(RemoteAddressFromHeader.Header, _address);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location);
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Post(string url, IDictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Accept-Language", language);
        request.Headers.Add(RemoteAddressFromHeader.Header, _address);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location);
    }

    /// <summary>Downloads a file: its bytes and its Content-Disposition header.</summary>
    public async Task<(byte[] Bytes, string Disposition)> Download(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        request.Headers.Add(RemoteAddressFromHeader.Header, _address);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentDisposition?.ToString() ?? "");
    }
}
