using System.Net;
using System.Text;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Security;

/// <summary>Inputs an attacker sent that answered 500, and addresses that tried to lead off the site.</summary>
public sealed class HostileInputTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task AFormInUtf7_IsRefusedWith415_AndAReadablePage()
    {
        var device = new FormClient(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("mobile=+ADw-script+AD4-")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-7");

        var (status, html, _) = await device.Send(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("We could not read what was sent", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> OffSite =>
    [
        "/%09/evil.example", "/\t/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example", "/%2F/evil.example",
        "https://evil.example", "/%0d%0aSet-Cookie:x=1", " /evil", "/%E2%80%AE/evil",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task TheLanguageAndElderModeSwitches_NeverLeadOffTheSite(string returnUrl)
    {
        foreach (var path in new[] { "/language/en", "/settings/elder-mode/on" })
        {
            var (status, _, location) = await new FormClient(app).Get($"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}");

            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal("/", location!.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task SigningIn_NeverLeadsOffTheSite(string returnUrl)
    {
        var mobile = People.NewMobile();
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var device = new FormClient(app);
        var (_, _, codePage) = await device.Submit($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string> { ["mobile"] = mobile, ["returnUrl"] = returnUrl });
        var code = System.Text.RegularExpressions.Regex.Match(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Tongban.Platform.Sms.DevelopmentSmsInbox>(app.Services).Messages.First(m => m.To == "+86" + mobile).Text, @"\b\d{6}\b").Value;

        var (status, _, location) = await device.Submit(codePage!.OriginalString, new Dictionary<string, string> { ["code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", location!.OriginalString);
    }

    [Theory]
    [InlineData("/staff?dueWithin=2147483647")]
    [InlineData("/staff?dueWithin=-2147483648")]
    [InlineData("/staff?after=%00%01")]
    public async Task TheWorkbench_TakesAnyQuery(string url)
    {
        var clerk = await People.SignInStaff(app, "officer.hr");

        var (status, _, _) = await clerk.Get(url);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("/partners/%20/launch")]
    [InlineData("/partners/%09/launch?to=/&at=1&sig=00")]
    [InlineData("/partners/test-bank/launch?at=99999999999999999999")]
    public async Task APartnerLaunchLink_ThatMeansNothing_IsRefusedWithItsReason(string url)
    {
        var (status, html, _) = await new FormClient(app).Get(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("partner", html, StringComparison.OrdinalIgnoreCase);
    }
}
