using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Sms;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// The whole flow checked from outside: a partner server written with openid-client (a certified relying party, not
/// written here) discovers the server, sends her browser (Chromium) to the consent screen with PKCE, takes the code
/// from the real redirect, calls the API, refreshes, revokes; she ends its access on /me/partners and its token stops.
/// </summary>
[Trait("Suite", "Browser")] // run once, on SQLite, in CI (.ci/run): the token store is covered on both databases by PartnerConsentTests
public sealed class OidcClientBrowserTests(TongbanAppWithClock app, Chromium chromium) : IClassFixture<TongbanAppWithClock>
{
    private static readonly NodeTool Partner = new(Path.Combine("PartnerApi", "OidcClient"));
    private readonly Uri _site = app.StartRealServer();

    [Fact]
    public async Task APartnerBuiltOnOpenIdClient_GetsHerConsent_ReadsHerCases_Refreshes_Revokes_AndStopsWhenSheEndsIt()
    {
        var partner = await PartnerClient.Register(app, "oidc-client-check", nameEn: "Harbour Pay");
        var mobile = People.NewMobile();
        var state = Path.Combine(Directory.CreateTempSubdirectory("tongban-oidc-").FullName, "state.json");
        var started = Json(await Partner.Run("flow.mjs", "start", state, _site.ToString(), partner.ClientId, partner.Secret, partner.RedirectUri));
        Assert.Contains("RS256", started.GetProperty("signingAlgorithms").EnumerateArray().Select(a => a.GetString()));

        // Her browser: the partner's link, the usual sign-in by text message, the consent screen, and back to the partner.
        var page = await chromium.NewPage(locale: "en");
        var callback = new TaskCompletionSource<string>();
        await page.RouteAsync(partner.RedirectUri + "**", async route =>
        {
            callback.TrySetResult(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "partner received the code" });
        });
        await page.GotoAsync(started.GetProperty("authorizationUrl").GetString()!);
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#mobile", mobile);
        await page.ClickAsync("main form button[type=submit]");
        var sms = app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages.Last(m => m.To == "+86" + mobile).Text;
        await page.FillAsync("#code", System.Text.RegularExpressions.Regex.Match(sms, @"\d{6}").Value);
        await page.ClickAsync("main form button[type=submit]");
        Assert.Equal("Harbour Pay asks to act for you", await page.InnerTextAsync("h1"));
        Assert.Empty(await Chromium.AxeViolations(page));
        await page.UncheckAsync("#scope-applications\\.write"); // she allows reading only
        await page.ClickAsync("button[value=allow]");
        var callbackUrl = await callback.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var reference = await Applying.Apply(page, _site, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);

        var finished = Json(await Partner.Run("flow.mjs", "finish", state, callbackUrl));
        Assert.Equal((await People.Resident(app, mobile)).Id.ToString(), finished.GetProperty("subject").GetString());
        Assert.Equal(["cases.read", "offline_access", "openid"], finished.GetProperty("grantedScope").GetString()!.Split(' ').Order(StringComparer.Ordinal));
        var firstCall = finished.GetProperty("firstCall");
        Assert.Equal(200, firstCall.GetProperty("status").GetInt32());
        Assert.Equal(Tongban.Cases.CaseReference.Display(reference), firstCall.GetProperty("body").GetProperty("items")[0].GetProperty("reference").GetString());
        Assert.Equal(200, finished.GetProperty("afterRefresh").GetProperty("status").GetInt32());
        Assert.Equal("invalid_grant", finished.GetProperty("revokedRefreshError").GetString());
        Assert.Equal(200, Json(await Partner.Run("flow.mjs", "call", state)).GetProperty("status").GetInt32());

        // She ends it on /me/partners: the access token it still holds stops at once.
        var problems = new List<string>();
        await PageChecks.EveryLanguageAndMode(page, _site, "/me/partners", problems);
        Assert.Empty(problems);
        await page.GotoAsync(new Uri(_site, "/me/partners").ToString());
        await page.ClickAsync("main form button:has-text('End Harbour Pay')");
        Assert.Contains("Harbour Pay can no longer act for you.", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        var refused = Json(await Partner.Run("flow.mjs", "call", state));
        Assert.Equal(401, refused.GetProperty("status").GetInt32());
        Assert.Equal("invalid_token", refused.GetProperty("challenge").GetString());
    }

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement.Clone();
}
