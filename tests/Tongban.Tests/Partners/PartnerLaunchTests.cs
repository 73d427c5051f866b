using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Partners;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Partners;

public sealed class PartnerLaunchTests(PartnerLaunchTests.App app) : IClassFixture<PartnerLaunchTests.App>
{
    private const string Secret = "test-bank-launch-secret-0123456789abcdef";

    public sealed class App : TongbanAppWithClock
    {
        public App()
        {
            Settings["Partners:Apps:test-bank:Name"] = "Test Bank";
            Settings["Partners:Apps:test-bank:LaunchSecret"] = Secret;
        }
    }

    private const string Page = "/services/senior-citizen-card/apply";

    /// <summary>The launch link the partner app opens, signed as the partner signs it, made <paramref name="age"/> ago.</summary>
    private string Link(string page = Page, TimeSpan age = default, string secret = Secret, string partner = "test-bank")
    {
        var at = app.Time.GetUtcNow().Subtract(age).ToUnixTimeSeconds();
        return $"/partners/{partner}/launch?to={Uri.EscapeDataString(page)}&at={at}&sig={CheckPartnerLaunch.Signature(secret, partner, at, page)}";
    }

    private Task<Case> CaseOf(string reference) => Applying.StoredCase(app, reference);

    [Fact]
    public async Task SheOpensTheServiceFromHerBanksApp_AndTheCaseAndHerStepsAreOnThePartnerAppChannel_OfThatPartner()
    {
        var since = app.Time.GetUtcNow().UtcDateTime; // her steps come after it: signing in moves the clock on
        var browser = new FormClient(app);
        var (status, _, location) = await browser.Get(Link());
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(Page, location!.OriginalString);

        await People.SignInResident(app, People.NewMobile(), browser: browser);
        var reference = await Applying.Apply(browser, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);

        var submitted = await CaseOf(reference);
        Assert.Equal(Channel.PartnerApp, submitted.Channel);
        Assert.Equal("test-bank", submitted.PartnerCode);
        Assert.Contains("Partner app", (await browser.Get($"/cases/{reference}")).Html, StringComparison.Ordinal); // her case's history says where she sent it
        await app.Services.GetRequiredService<Tongban.Applications.RecordFormStep>().Flush(); // page steps are written a second later
        await using var scope = app.Scope();
        var steps = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormEvents.AsNoTracking()
            .Where(e => e.FormKey == "services/senior-citizen-card" && e.At > since).Select(e => e.Channel).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([Channel.PartnerApp], steps);

        // The officer sees which partner's app it came by.
        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Contains("Partner app (Test Bank)", (await officer.Get($"/staff/cases/{reference}")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forged", "This link could not be checked.")]
    [InlineData("expired", "This link has expired.")]
    [InlineData("unknown partner", "This link does not come from one of the city")]
    public async Task ALinkThePartnerDidNotSignJustNow_IsRefusedWithTheReason_AndSheCanStillGoOnOnTheWeb(string flaw, string message)
    {
        var link = flaw switch
        {
            "forged" => Link(secret: "someone-else-guessing-the-secret-0123456789"),
            "expired" => Link(age: TimeSpan.FromMinutes(6)),
            _ => Link(partner: "not-a-partner"),
        };
        var browser = new FormClient(app);

        var (status, html, _) = await browser.Get(link);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", html, StringComparison.Ordinal);
        await People.SignInResident(app, People.NewMobile(), browser: browser);
        var onTheWeb = await CaseOf(await Applying.Apply(browser, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard));
        Assert.Equal(Channel.Online, onTheWeb.Channel);
        Assert.Null(onTheWeb.PartnerCode);
    }

    [Fact]
    public async Task ALaunchLink_NeverSendsHerOffTheCitysSite()
    {
        var (status, _, location) = await new FormClient(app).Get(Link(page: "https://phishing.example/login"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", location!.OriginalString);
    }

    [Fact]
    public async Task TheRefusal_IsInHerLanguage()
    {
        var (_, html, _) = await new FormClient(app, "zh-CN").Get(Link(age: TimeSpan.FromHours(1)));

        Assert.Contains("此链接已过期", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo-superapp", true)]
    [InlineData("bank-of-shenzhen-2", true)]
    [InlineData("Bank", false)]
    [InlineData("bank app", false)]
    [InlineData("a-partner-code-longer-than-forty-characters", false)]
    public void APartnersCode_IsWhatALinkAndACaseCanHold(string code, bool valid)
    {
        var options = new PartnerOptions();
        options.Apps[code] = new PartnerApp { Name = "Partner", LaunchSecret = Secret };

        Assert.Equal(valid, options.CodesAreValid());
    }
}
