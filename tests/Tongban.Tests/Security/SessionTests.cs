using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Security;

/// <summary>A sign-in ends on the server: a copied cookie stops working when she signs out, and no sign-in lasts past its absolute lifetime.</summary>
public sealed class SessionTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private async Task<HttpStatusCode> WithCopiedCookies(string cookies, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        return (await new FormClient(app).Send(request)).Status;
    }

    [Fact]
    public async Task SigningOut_EndsACopiedResidentCookieToo()
    {
        var her = await People.SignInResident(app, People.NewMobile());
        var copied = her.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookies(copied, "/me"));

        await her.Submit("/me", new Dictionary<string, string>(), "/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookies(copied, "/me"));
    }

    [Fact]
    public async Task SigningOut_EndsACopiedStaffCookieToo()
    {
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var copied = clerk.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookies(copied, "/staff"));

        await clerk.Submit("/staff", new Dictionary<string, string>(), "/staff/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookies(copied, "/staff"));
    }

    [Fact]
    public async Task ASignInKeptBusy_StillEndsAfterTwelveHours()
    {
        var her = await People.SignInResident(app, People.NewMobile());
        // Every 20 minutes a page: the sliding 30 minutes never run out.
        for (var minutes = 0; minutes < 11 * 60 + 40; minutes += 20)
        {
            app.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await her.Get("/me")).Status);
        }

        app.Time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Redirect, (await her.Get("/me")).Status);
    }
}
