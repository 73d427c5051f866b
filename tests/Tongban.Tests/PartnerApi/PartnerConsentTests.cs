using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// A partner acts for a resident only under her consent: she signs in the usual way, reads what it asks for, gives part
/// of it, sees it on /me/partners and ends it there; every look is on her trail with the partner's name.
/// </summary>
public sealed class PartnerConsentTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static int _partners;

    private static string NewClientId() => "partner-" + Interlocked.Increment(ref _partners);

    [Fact]
    public async Task SheSignsInAndAllowsPartOfWhatThePartnerAsks_ThenItReadsHerCases_OnHerTrail_AndSheEndsIt_AndItsTokensStop()
    {
        var partner = await PartnerClient.Register(app, NewClientId(), nameEn: "Bay Bank");
        var mobile = People.NewMobile();
        var (verifier, challenge) = PartnerClient.Pkce();

        // Not signed in: to the usual sign-in, and back to the consent screen afterwards.
        var her = new FormClient(app);
        var (status, _, signIn) = await her.Get(partner.AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/sign-in", signIn!.PathAndQuery, StringComparison.Ordinal);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(signIn.Query)["ReturnUrl"].ToString();
        Assert.StartsWith("/connect/authorize/continue?r=", returnUrl, StringComparison.Ordinal);
        await People.SignInResident(app, mobile, browser: her);
        var reference = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var (_, _, back) = await her.Get(returnUrl);
        Assert.Equal(partner.AuthorizeUrl(challenge), back!.OriginalString);

        var (_, consent, _) = await her.Get(back.OriginalString);
        Assert.Contains("Bay Bank asks to act for you", consent, StringComparison.Ordinal);
        Assert.Contains("See your applications and cases", consent, StringComparison.Ordinal);
        Assert.Contains("Start, fill in and send applications for you; answer what the office asks about them, or withdraw them", consent, StringComparison.Ordinal);

        // She allows reading, not applying.
        var code = await partner.Consent(her, challenge, "cases.read");
        var (tokenStatus, tokens) = await partner.RedeemCode(code, verifier);
        Assert.True(tokenStatus == HttpStatusCode.OK, tokens.ToString());
        Assert.Equal(["cases.read", "offline_access", "openid"], tokens.GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal));
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.True(tokens.TryGetProperty("id_token", out _));

        var (listStatus, list) = await partner.Api("/api/v1/me/cases", access);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(Tongban.Cases.CaseReference.Display(reference), list.GetProperty("items")[0].GetProperty("reference").GetString());
        Assert.Equal("WithOfficer", list.GetProperty("items")[0].GetProperty("status").GetString());
        var (oneStatus, one) = await partner.Api("/api/v1/me/cases/" + reference.Replace("-", "", StringComparison.Ordinal), access);
        Assert.Equal(HttpStatusCode.OK, oneStatus);
        Assert.Equal("senior-citizen-card", one.GetProperty("serviceCode").GetString());

        // On her trail, with the partner's name, the consent it looked under and the partner-app channel.
        var resident = await People.Resident(app, mobile);
        await using (var scope = app.Scope())
        {
            var trail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking()
                .Where(r => r.ResidentId == resident.Id && r.ActorKind == ActorKind.Partner).OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, trail.Count);
            Assert.All(trail, r => Assert.Equal("测试超级应用 / Bay Bank", r.ActorName));
            Assert.All(trail, r => Assert.Equal(Channel.PartnerApp, r.Channel));
            Assert.All(trail, r => Assert.StartsWith("consent:", r.Reason, StringComparison.Ordinal));
        }

        Assert.Contains("Bay Bank", (await her.Get("/me/activity")).Html, StringComparison.Ordinal);

        // /me/partners: what it may do, when it last did; she ends it, and its tokens stop at once.
        var (_, partners, _) = await her.Get("/me/partners");
        Assert.Contains("Bay Bank", partners, StringComparison.Ordinal);
        Assert.Contains("See your applications and cases", partners, StringComparison.Ordinal);
        Assert.DoesNotContain("Start, fill in and send applications for you; answer what the office asks about them, or withdraw them", partners, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet", partners, StringComparison.Ordinal);
        var (refreshStatus, refreshed) = await partner.Refresh(tokens.GetProperty("refresh_token").GetString()!);
        Assert.True(refreshStatus == HttpStatusCode.OK, refreshed.ToString());

        var (ended, _, _) = await her.Submit("/me/partners", new Dictionary<string, string>(), "/me/partners?handler=withdraw");
        Assert.Equal(HttpStatusCode.Redirect, ended);
        Assert.Contains("Bay Bank can no longer act for you", (await her.Get("/me/partners")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/me/cases", access)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/me/cases", refreshed.GetProperty("access_token").GetString()!)).Status);
        var (againStatus, again) = await partner.Refresh(refreshed.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Equal("invalid_grant", again.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SheSaysNo_AndThePartnerIsToldAccessDenied_WithNoCode()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (status, _, location) = await partner.Answer(her, PartnerClient.Pkce().Challenge, null, decision: "deny");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith(partner.RedirectUri + "?", location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("error=access_denied", location.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SheTicksNothingAndSaysYes_AndIsAskedAgain_NothingGiven()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (status, html, _) = await partner.Answer(her, PartnerClient.Pkce().Challenge, null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tick at least one thing you allow, or choose No.", html, StringComparison.Ordinal);
        Assert.Contains("No partner app can act for you.", (await her.Get("/me/partners")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScopeSheDidNotGive_IsRefused_AsInsufficientScope()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var code = await partner.Consent(her, challenge, "applications.write");
        var (_, tokens) = await partner.RedeemCode(code, verifier);
        var (status, problem) = await partner.Api("/api/v1/me/cases", tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("insufficient_scope", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task APartnersOwnToken_ReadsTheCatalogue_ButNoResidentsData()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var access = await partner.OwnToken();
        var (servicesStatus, services) = await partner.Api("/api/v1/services", access);
        Assert.Equal(HttpStatusCode.OK, servicesStatus);
        Assert.Contains(services.GetProperty("items").EnumerateArray(), s => s.GetProperty("code").GetString() == "senior-citizen-card");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Api("/api/v1/me/cases", access)).Status);

        var (residentScope, refused) = await partner.Token(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "cases.read" });
        Assert.Equal(HttpStatusCode.BadRequest, residentScope);
        Assert.Equal("invalid_scope", refused.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/services", "not-a-token")).Status);
        var (wrongSecret, wrong) = await partner.Token(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, asSecret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret); // RFC 6749 5.2: the client authenticated with the Authorization header
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
    }
}
