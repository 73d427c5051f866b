using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task DemoStaffAccounts_AndTheirCodes_DoNotExistInProduction()
    {
        var (status, _, _) = await new FormClient(app).Get("/dev/staff-codes");
        var (_, html, _) = await new FormClient(app).Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = "clerk.futian", ["password"] = Tongban.Staff.Demo.DemoStaff.Password });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("The username or password is not right.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The stylesheet and the icon have addresses that change with their content (a published build serves them with
    /// "max-age=31536000, immutable", so the second page of a visit costs only its HTML; the test host serves the build's
    /// manifest, which never caches), a revalidation answers 304, and every page names its icon (no 404 for /favicon.ico).
    /// </summary>
    [Fact]
    public async Task TheStylesheetAndIcon_AreFingerprinted_AndCachedWithoutAskingAgain()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        var icon = System.Text.RegularExpressions.Regex.Match(home, "rel=\"icon\" href=\"(/favicon\\.[a-z0-9]+\\.svg)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        Assert.NotEmpty(icon);

        foreach (var address in new[] { css, icon })
        {
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            using var again = new HttpRequestMessage(HttpMethod.Get, address);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var revalidated = await client.SendAsync(again, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hsds/services")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task OverHttps_BrowsersAreToldToUseItForAYear_SubdomainsIncluded()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tongban.example") });
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task BehindTheProxyThatEndsTls_TheSignInPageWorks()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://tongban.example"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add(RemoteAddressFromHeader.Header, TongbanAppInProduction.Proxy);
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttp_IsSentToHttps_AndAPostOverItIsRefused_NeverA500()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://tongban.example"), AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/sign-in?returnUrl=/me", UriKind.Relative), TestContext.Current.CancellationToken);
        using var form = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["mobile"] = "13800138000" }), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.PermanentRedirect, "https://tongban.example/sign-in?returnUrl=/me"), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [Fact]
    public async Task TheKeysThatSignCookies_AreEncryptedInTheDatabase()
    {
        await new FormClient(app).Get("/sign-in"); // makes the first key if there is none

        await using var scope = app.Scope();
        var keys = await scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WithoutTheCertificate_ProductionRefusesToStart()
    {
        await using var bare = new TongbanApp { Environment = "Production" };
        bare.Settings["Sms:Gateway:Url"] = "http://127.0.0.1:9/never-called";
        bare.Settings["DataProtection:Certificate:Path"] = "";
        await bare.InitializeAsync();

        var failure = Assert.Throws<InvalidOperationException>(() => bare.Services);

        Assert.Contains("DataProtection:Certificate:Path is not set", failure.Message, StringComparison.Ordinal);
    }
}
