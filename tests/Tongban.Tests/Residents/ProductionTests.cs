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

    [Fact]
    public async Task DemoStaffAccounts_AndTheirCodes_DoNotExistInProduction()
    {
        var (status, _, _) = await new FormClient(app).Get("/dev/staff-codes");
        var (_, html, _) = await new FormClient(app).Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = "clerk.futian", ["password"] = Tongban.Staff.Demo.DemoStaff.Password });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("The username or password is not right.", html, StringComparison.Ordinal);
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
