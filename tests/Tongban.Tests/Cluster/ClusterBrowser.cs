using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cluster;

/// <summary>
/// A browser speaking HTTPS to the cluster's proxy: it keeps cookies, does not follow redirects, trusts only the
/// cluster's own certificate, and comes from an address of its own on the loopback (127.0.0.N), so that per-address
/// limits see each device as the city would.
/// </summary>
public sealed class ClusterBrowser : IDisposable
{
    private static int _devices = 1;
    private readonly HttpClient _http;

    public ClusterBrowser(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var trusted = X509CertificateLoader.LoadCertificateFromFile(cluster.Setting("TLS_CERT"));
        var device = Interlocked.Increment(ref _devices);
        var address = IPAddress.Parse($"127.0.{device / 250 % 250}.{(device % 250) + 2}");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString();
        // HTTP/2, as browsers speak to the proxy: a request the proxy refuses unread as it reloads is sent again by the
        // client, as a browser does, and any other failure still fails the test.
        _http = new HttpClient(handler)
        {
            BaseAddress = cluster.Proxy,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _http.DefaultRequestHeaders.Add("Accept-Language", "en");
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Get(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location);
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Post(string path, IDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(path, content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location);
    }

    /// <summary>The form's antiforgery token on <paramref name="path"/>, read as a browser shows the page.</summary>
    public async Task<string> Token(string path)
    {
        var (status, page, _) = await Get(path);
        return PageForm.Token(page) ?? throw new InvalidOperationException($"no form on {path} ({(int)status})");
    }

    /// <summary>Loads the page, then posts its form with <paramref name="fields"/> and the form's hidden fields.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> Submit(string path, IDictionary<string, string> fields)
    {
        var (_, page, _) = await Get(path);
        return await Post(path, PageForm.Fields(page, fields, path));
    }

    /// <summary>Signs in with a code the stand-in SMS gateway took for <paramref name="mobile"/>.</summary>
    public async Task SignIn(Cluster cluster, string mobile)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var (_, html, codePage) = await Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });
        Assert.True(codePage is not null, Regex.Match(html, "error-message\">[^<]*").Value);
        var code = People.CodeIn(cluster.Messages().Last(m => m.To == "+86" + mobile).Text);
        var (status, page, _) = await Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = code });
        Assert.True(status == HttpStatusCode.Redirect, page);
    }

    public void Dispose() => _http.Dispose();
}
