using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>
/// What an attacker or a careless partner tries against the authorization server: refused as the OAuth standards say,
/// nothing given twice, never a 500.
/// </summary>
public sealed class PartnerFlowAbuseTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static int _partners;

    private static string NewClientId() => "abuse-" + Interlocked.Increment(ref _partners);

    [Fact]
    public async Task AReturnAddressThePartnerDidNotRegister_IsRefusedOnTheCitysPage_NeverRedirectedTo()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        foreach (var redirect in new[] { "https://evil.example/callback", partner.RedirectUri + "/more", partner.RedirectUri.Replace("https", "http", StringComparison.Ordinal) })
        {
            var (status, _, location) = await her.Get(partner.AuthorizeUrl(PartnerClient.Pkce().Challenge, redirect: redirect));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Null(location);
        }
    }

    [Fact]
    public async Task WithoutPkce_OrWithPlainPkce_TheRequestIsRefused_WithNoCode()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var withoutChallenge = partner.AuthorizeUrl("x").Replace("&code_challenge=x&code_challenge_method=S256", "", StringComparison.Ordinal);
        var (verifier, _) = PartnerClient.Pkce();
        var plain = partner.AuthorizeUrl(verifier).Replace("S256", "plain", StringComparison.Ordinal);
        foreach (var url in new[] { withoutChallenge, plain })
        {
            // OpenIddict answers on the city's own error page rather than at the return address: no code either way.
            var (status, html, location) = await her.Get(url);
            Assert.True(status == HttpStatusCode.BadRequest, $"{status} {location}");
            Assert.Null(location);
            Assert.Contains("We could not read what was sent", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWrongVerifier_AReplayedCode_AndAnotherPartnersCode_GetNoTokens_AndTheReplayEndsWhatTheCodeGave()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var other = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var code = await partner.Consent(her, challenge, "cases.read");

        var (wrongStatus, wrong) = await partner.RedeemCode(code, PartnerClient.Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Equal("invalid_grant", wrong.GetProperty("error").GetString());
        var (otherStatus, stolen) = await other.Token(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = partner.RedirectUri,
            ["code_verifier"] = verifier,
        });
        Assert.Equal(HttpStatusCode.BadRequest, otherStatus);
        Assert.Equal("invalid_grant", stolen.GetProperty("error").GetString());

        // A code is redeemed once; a second use means it leaked, so the tokens the first use gave stop too (RFC 6749 4.1.2).
        var code2 = await partner.Consent(her, challenge, "cases.read");
        var (firstStatus, first) = await partner.RedeemCode(code2, verifier);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        var (replayStatus, replay) = await partner.RedeemCode(code2, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/me/cases", first.GetProperty("access_token").GetString()!)).Status);

        // Another partner's refresh token is not this partner's.
        var code3 = await partner.Consent(her, challenge, "cases.read");
        var (_, third) = await partner.RedeemCode(code3, verifier);
        var (crossStatus, cross) = await other.Refresh(third.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, crossStatus);
        Assert.Equal("invalid_grant", cross.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ACodeAfterFiveMinutes_AndAnAccessTokenAfterThirty_AreRefused()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var late = await partner.Consent(her, challenge, "cases.read");
        app.Time.Advance(TimeSpan.FromMinutes(6));
        var (lateStatus, lateAnswer) = await partner.RedeemCode(late, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, lateStatus);
        Assert.Equal("invalid_grant", lateAnswer.GetProperty("error").GetString());

        var code = await partner.Consent(her, challenge, "cases.read");
        var (_, tokens) = await partner.RedeemCode(code, verifier);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.Api("/api/v1/me/cases", access)).Status);
        app.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/me/cases", access)).Status);
        var (refreshStatus, _) = await partner.Refresh(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
    }

    [Fact]
    public async Task ARefreshTokenUsedAgainAfterItRolled_IsRefused_AndEndsEverythingTheConsentGave()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var (_, tokens) = await partner.RedeemCode(await partner.Consent(her, challenge, "cases.read"), verifier);
        var first = tokens.GetProperty("refresh_token").GetString()!;
        var (_, rolled) = await partner.Refresh(first);
        var current = rolled.GetProperty("access_token").GetString()!;

        // Past the half minute a partner gets to retry a refresh whose answer it lost, the old one is a copy someone kept.
        app.Time.Advance(TimeSpan.FromSeconds(31));
        var (replayStatus, replay) = await partner.Refresh(first);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Api("/api/v1/me/cases", current)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.Refresh(rolled.GetProperty("refresh_token").GetString()!)).Status);
    }

    [Fact]
    public async Task AHundredConcurrentRedemptionsOfOneCode_GiveTokensOnce()
    {
        var partner = await PartnerClient.Register(app, NewClientId());
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var code = await partner.Consent(her, challenge, "cases.read");
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => partner.RedeemCode(code, verifier)));
        Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(99, answers.Count(a => a.Status == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task TheOperatorsRegistration_RefusesBadReturnAddressesScopesAndLimits_EachWithItsMessage()
    {
        await using var scope = app.Scope();
        var register = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Tongban.PartnerApi.RegisterPartner>(scope.ServiceProvider);
        var result = await register.Handle(
            new("Bad Code!", "", "Name", "ops", ["http://evil.example/cb", "https://ok.example/cb#frag"], ["everything"], 0), TestContext.Current.CancellationToken);
        Assert.False(result.Succeeded);
        Assert.Equal(["ClientId", "NameZhCn", "RedirectUris", "RequestsPerMinute", "Scopes"], result.Errors.Keys.Order(StringComparer.Ordinal));
        var taken = await PartnerClient.Register(app, NewClientId());
        var again = await register.Handle(new(taken.ClientId, "名", "Name", "ops", ["https://ok.example/cb"], ["catalogue"], 10), TestContext.Current.CancellationToken);
        Assert.Equal(["ClientId"], again.Errors.Keys);
    }
}
