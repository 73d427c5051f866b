using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Security;

/// <summary>Behind a load balancer: limits apply to the real client, named only by a proxy the city configured.</summary>
public sealed class ReverseProxyTests(ReverseProxyTests.BehindProxy app) : IClassFixture<ReverseProxyTests.BehindProxy>
{
    public const string Proxy = "10.99.0.1";

    public sealed class BehindProxy : TongbanAppWithClock
    {
        public BehindProxy() => Settings["ReverseProxy:KnownProxies:0"] = Proxy;
    }

    private async Task<HttpStatusCode> AskForCode(string from, string? forwardedFor)
    {
        var device = new FormClient(app);
        var (_, page, _) = await device.Get("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["mobile"] = People.NewMobile(), ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add(RemoteAddressFromHeader.Header, from);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return (await device.SendAs(request)).Status;
    }

    private async Task<int> CodesFrom(string address)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignInCodes.CountAsync(c => c.RequestedFrom == address, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ThroughTheConfiguredProxy_TheClientsOwnAddressIsLimited()
    {
        for (var i = 0; i < 25; i++)
        {
            await AskForCode(Proxy, "203.0.113.7");
        }

        // Twenty for the one client; the others behind the same proxy are not held back by her.
        Assert.Equal(20, await CodesFrom("203.0.113.7"));
        Assert.Equal(HttpStatusCode.Redirect, await AskForCode(Proxy, "203.0.113.8"));
        Assert.Equal(0, await CodesFrom(Proxy));
    }

    [Fact]
    public async Task AnyoneElse_CannotDodgeTheLimit_ByWritingTheHeader()
    {
        for (var i = 0; i < 22; i++)
        {
            await AskForCode("198.51.100.9", $"192.0.2.{i}");
        }

        Assert.Equal(20, await CodesFrom("198.51.100.9"));
        Assert.Equal(0, await CodesFrom("192.0.2.1"));
    }
}
