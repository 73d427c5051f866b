using System.Net;
using System.Text.RegularExpressions;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>The operator registers partners on /staff/partners: the secret is shown once and works; mistakes keep what she typed; only operators may.</summary>
public sealed partial class StaffPartnersTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static Dictionary<string, string> Form(string clientId, string redirect = "https://wallet.example/oauth/callback", string limit = "1200") => new()
    {
        ["ClientId"] = clientId,
        ["NameZhCn"] = "湾区钱包",
        ["NameEn"] = "Bay Wallet",
        ["Contact"] = "api@wallet.example",
        ["RedirectUris"] = redirect + "\r\nhttps://wallet.example/oauth/other",
        ["Scopes"] = "catalogue",
        ["RequestsPerMinute"] = limit,
    };

    [Fact]
    public async Task TheOperatorRegistersAPartner_SeesItsSecretOnce_AndThePartnerCanUseIt()
    {
        var operatorClient = await People.SignInStaff(app, "operator");
        var (status, html, _) = await operatorClient.Submit("/staff/partners", Form("bay-wallet"));
        Assert.Equal(HttpStatusCode.OK, status);
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.True(secret.Length >= 40, html);
        Assert.Contains("bay-wallet is registered", html, StringComparison.Ordinal);

        // The secret works for the partner's own calls, and is not shown again.
        var partner = new PartnerClient(app, "bay-wallet", secret, "https://wallet.example/oauth/callback");
        Assert.Equal(HttpStatusCode.OK, (await partner.Api("/api/v1/services", await partner.OwnToken())).Status);
        var (_, list, _) = await operatorClient.Get("/staff/partners");
        Assert.Contains("Bay Wallet", list, StringComparison.Ordinal);
        Assert.Contains("1,200", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        // The same code again is refused, and what she typed stays in the form.
        var (_, again, _) = await operatorClient.Submit("/staff/partners", Form("bay-wallet"));
        Assert.Contains("A partner with this code is already registered.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"api@wallet.example\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mistakes_AreEachNamedBesideTheirField_InHerLanguage_KeepingWhatSheTyped()
    {
        var operatorClient = await People.SignInStaff(app, "operator", language: "zh-CN");
        var (status, html, _) = await operatorClient.Submit("/staff/partners", Form("Bad Code!", redirect: "http://wallet.example/cb", limit: "lots"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"ClientId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"RedirectUris-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"RequestsPerMinute-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"NameEn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("请", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Use 1 to 40 lower-case letters", html, StringComparison.Ordinal);
        Assert.Contains("http://wallet.example/cb", html, StringComparison.Ordinal);
        Assert.Contains("value=\"湾区钱包\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficer_CannotRegisterPartners()
    {
        var officer = await People.SignInStaff(app, "officer.civil");
        var (status, _, _) = await officer.Get("/staff/partners");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task AHundredConcurrentRegistrationsOfOneCode_RegisterItOnce()
    {
        var operatorClient = await People.SignInStaff(app, "operator");
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => operatorClient.Submit("/staff/partners", Form("rush-partner"))));
        Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        Assert.Single(answers, a => Secret().IsMatch(a.Html));
        Assert.Equal(99, answers.Count(a => a.Html.Contains("A partner with this code is already registered.", StringComparison.Ordinal)));
    }

    [GeneratedRegex("<p><code>([A-Za-z0-9_-]+)</code></p>")]
    private static partial Regex Secret();
}
