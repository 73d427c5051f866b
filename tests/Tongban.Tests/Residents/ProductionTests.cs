using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

public sealed class ProductionTests(TongbanAppInProduction app) : IClassFixture<TongbanAppInProduction>
{
    [Fact]
    public async Task DevelopmentInbox_DoesNotExistInProduction()
    {
        var (status, _, _) = await new FormClient(app).Get("/dev/sms");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hsds/services")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
