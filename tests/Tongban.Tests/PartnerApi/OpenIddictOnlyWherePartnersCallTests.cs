using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>OpenIddict's request handlers are asked only on its endpoints and the partner API, not on every page.</summary>
public sealed class OpenIddictOnlyWherePartnersCallTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private async Task<List<string>> RequestHandlersFor(string path)
    {
        await using var scope = app.Scope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { Request = { Path = path } };
        try
        {
            var schemes = await scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync();
            return [.. schemes.Select(s => s.HandlerType.Namespace ?? "")];
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/api/v1/services")]
    [InlineData("/CONNECT/authorize")]
    public async Task OnThePartnersPaths_OpenIddictIsAsked(string path)
    {
        var handlers = await RequestHandlersFor(path);

        Assert.Contains(handlers, h => h.StartsWith("OpenIddict.Server", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.StartsWith("OpenIddict.Validation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search")]
    [InlineData("/connections")]
    [InlineData("/apis")]
    [InlineData("/me/partners")]
    public async Task OnThePortalsPages_OpenIddictIsNotAsked(string path)
    {
        var handlers = await RequestHandlersFor(path);

        Assert.DoesNotContain(handlers, h => h.StartsWith("OpenIddict.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThroughTheApp_TheDiscoveryDocumentAndAPortalPageBothStillAnswer()
    {
        using var client = app.CreateClient();

        var discovery = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative), TestContext.Current.CancellationToken);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, discovery.StatusCode);
        Assert.Contains("token_endpoint", await discovery.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
    }
}
