using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Pages;

/// <summary>The first visit of any portal page (HTML, CSS and JS, compressed) fits in 30 KB, for a 2G phone.</summary>
public sealed partial class PageWeightTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    public const int BudgetBytes = 30 * 1024;

    /// <summary>What goes over the wire when a browser that accepts Brotli asks for the address.</summary>
    private static async Task<(byte[] Body, string Encoding)> CompressedBody(HttpClient client, string url, string language, bool elder)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.Add("Accept-Language", language);
        if (elder)
        {
            request.Headers.Add("Cookie", ".Tongban.ElderMode=1");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        Assert.True(encoding is "br" or "gzip", $"{url} was sent uncompressed");
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), encoding);
    }

    private static string Decompress((byte[] Body, string Encoding) response)
    {
        using Stream stream = response.Encoding == "br"
            ? new BrotliStream(new MemoryStream(response.Body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(response.Body), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Theory]
    [MemberData(nameof(PortalPages.Data), MemberType = typeof(PortalPages))]
    public async Task FirstVisit_IsCompressed_AndWithinTheBudget(string path)
    {
        var client = app.CreateClient();
        foreach (var (language, elder) in new[] { ("zh-CN", false), ("en", false), ("zh-CN", true) })
        {
            var html = await CompressedBody(client, path, language, elder);
            var text = Decompress(html);
            Assert.DoesNotMatch(ExternalScript(), text);

            var total = html.Body.Length;
            foreach (Match link in Stylesheet().Matches(text))
            {
                total += (await CompressedBody(client, link.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal), language, elder)).Body.Length;
            }

            Assert.True(total <= BudgetBytes, $"{path} ({language}{(elder ? ", elder" : "")}) weighs {total} bytes compressed; the budget is {BudgetBytes}.");
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script[^>]+src=")]
    private static partial Regex ExternalScript();
}
