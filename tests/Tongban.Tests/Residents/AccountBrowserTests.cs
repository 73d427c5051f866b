using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tongban.Platform.Calendar;
using Tongban.Platform.Sms;
using Tongban.Residents.Delegations;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

/// <summary>
/// The signed-in pages of residents, proxies and staff in Chromium: no axe violations in either language
/// or mode, including their error states, and no sideways scrolling on a 320 px phone.
/// </summary>
[Trait("Suite", "Browser")] // run once, on SQLite, in CI (.ci/run): pages do not change with the database
public sealed class AccountBrowserTests(TongbanAppWithClock app, Chromium chromium) : IClassFixture<TongbanAppWithClock>
{
    private readonly Uri _site = app.StartRealServer();

    private async Task<IPage> SignedInResident(string mobile)
    {
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var page = await chromium.NewPage(locale: "en");
        await page.GotoAsync(new Uri(_site, "/sign-in").ToString());
        await page.FillAsync("#mobile", mobile);
        await page.ClickAsync("main form button[type=submit]");
        var code = app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages.First(m => m.To == "+86" + mobile).Text;
        await page.FillAsync("#code", System.Text.RegularExpressions.Regex.Match(code, @"\d{6}").Value);
        await page.ClickAsync("main form button[type=submit]");
        Assert.EndsWith("/me", page.Url, StringComparison.Ordinal);
        return page;
    }

    private async Task<IPage> SignedInStaff(string userName)
    {
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var page = await chromium.NewPage(locale: "en");
        await page.GotoAsync(new Uri(_site, "/staff/sign-in").ToString());
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", Tongban.Staff.Demo.DemoStaff.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.FillAsync("#code", People.TotpNow(app, userName));
        await page.ClickAsync("main form button[type=submit]");
        Assert.EndsWith("/staff", page.Url, StringComparison.Ordinal);
        return page;
    }

    /// <summary>Visits <paramref name="path"/> in both languages and both modes, keeping the sign-in (see <see cref="PageChecks"/>).</summary>
    private Task Check(IPage page, string path, List<string> problems) => PageChecks.EveryLanguageAndMode(page, _site, path, problems);

    [Fact]
    public async Task ResidentAndProxyPages_AreAccessible()
    {
        var (motherMobile, sonMobile) = (People.NewMobile(), People.NewMobile());
        var mother = await SignedInResident(motherMobile);
        var son = await SignedInResident(sonMobile);
        await using (var scope = app.Scope())
        {
            var motherId = (await People.Resident(app, motherMobile)).Id;
            var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
            var errors = await scope.ServiceProvider.GetRequiredService<GrantDelegation>().Handle(motherId, new GrantInput
            {
                Proxy = sonMobile,
                ProxyName = "儿子",
                Scope = "all",
                UntilDay = "1",
                UntilMonth = "1",
                UntilYear = (today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, TestContext.Current.CancellationToken);
            Assert.Empty(errors);
        }

        var problems = new List<string>();
        await Check(son, "/me/delegations", problems);
        await son.ClickAsync("main form[action$='handler=accept'] button");
        await son.ClickAsync("main form[action='/me/acting-for'] button");
        await Check(son, "/me", problems);
        foreach (var path in new[] { "/me", "/me/profile", "/me/delegations", "/me/delegations/new", "/me/activity", "/me/inbox", "/me/bookings", "/me/certificates", "/me/visits", "/halls/futian-hall/book", "/halls/futian-hall/book?service=senior-citizen-card" })
        {
            await Check(mother, path, problems);
        }

        // With an appointment: its QR code, and the page to change its time.
        await mother.GotoAsync(new Uri(_site, "/halls/futian-hall/book?service=senior-citizen-card").ToString());
        await mother.CheckAsync("#Slot");
        await mother.ClickAsync("main form[method=post] button[type=submit]");
        await Check(mother, "/me/bookings", problems);
        await Check(mother, await mother.GetAttributeAsync("main a[href*='rebook=']", "href") ?? "/no-change-link", problems);

        await mother.GotoAsync(new Uri(_site, "/me/profile").ToString());
        await mother.FillAsync("#idNumber", "44030419560327002");
        await mother.FillAsync("#birthDay", "31");
        await mother.ClickAsync("main form button[type=submit]");
        Assert.Equal(2, await mother.Locator(".error-summary li").CountAsync());
        Assert.Equal("44030419560327002", await mother.InputValueAsync("#idNumber"));
        problems.AddRange(await Chromium.AxeViolations(mother));
        await mother.GotoAsync(new Uri(_site, "/me/delegations/new").ToString());
        await mother.ClickAsync("main form button[type=submit]");
        Assert.True(await mother.Locator(".error-summary li").CountAsync() >= 3);
        problems.AddRange(await Chromium.AxeViolations(mother));

        Assert.Empty(problems);
    }

    /// <summary>What the city offers her, and the outreach list of those no message reached, with their forms.</summary>
    [Fact]
    public async Task EntitlementPages_AreAccessible()
    {
        var mobile = People.NewMobile();
        var her = await SignedInResident(mobile);
        var known = await Entitlements.CityResidents.Known(app, mobile, age: 81);
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Tongban.Entitlements.FindEntitlements>().Run("daily", TestContext.Current.CancellationToken);
            // As if neither the invitation nor its reminder had been answered.
            await scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>().Offers.Where(o => o.ResidentId == known.Id && o.Status == Tongban.Entitlements.OfferStatus.Invited)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.UnreachedAt, DateTime.UtcNow), TestContext.Current.CancellationToken);
        }

        var problems = new List<string>();
        await Check(her, "/me/entitlements", problems);
        var worker = await SignedInStaff("worker.futian");
        await Check(worker, "/staff", problems);
        await Check(worker, "/staff/outreach", problems);
        var agent = await SignedInStaff("agent.12345");
        await Check(agent, "/staff/outreach?district=futian", problems);

        // The pages checked had what they are for: her invitation to answer, and her on the lists.
        await her.GotoAsync(new Uri(_site, "/me/entitlements").ToString());
        Assert.Equal(1, await her.Locator("main form[action$='handler=answer']").CountAsync());
        await worker.GotoAsync(new Uri(_site, "/staff/outreach").ToString());
        Assert.True(await worker.Locator("main form[action$='handler=contact']").CountAsync() >= 1);
        Assert.Empty(problems);
    }

    /// <summary>Rating an application and its bad review's rectification, for her, the department and everyone (/ratings), with their error states.</summary>
    [Fact]
    public async Task RatingPages_AreAccessible()
    {
        var mobile = People.NewMobile();
        var her = await SignedInResident(mobile);
        // Her application, withdrawn (the in-process client does not reach the real server these pages run on).
        var reference = Tongban.Cases.CaseReference.New();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>();
            db.Cases.Add(new Tongban.Cases.Case
            {
                Id = Guid.NewGuid(),
                Reference = reference,
                ServiceCode = "senior-citizen-card",
                ResidentId = (await People.Resident(app, mobile)).Id,
                DraftId = Guid.NewGuid(),
                FormVersion = "1",
                AnswersJson = "{}",
                Status = Tongban.Cases.CaseStatus.Withdrawn,
                SubmittedAt = app.Time.GetUtcNow().UtcDateTime,
                DueOn = app.Time.Today(),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var problems = new List<string>();
        var rate = $"/cases/{reference}/rate";
        await Check(her, rate, problems);

        await her.GotoAsync(new Uri(_site, rate).ToString());
        await her.FillAsync("#Comment", "<b>slow</b>");
        await her.ClickAsync("main form button[type=submit]");
        Assert.Equal(2, await her.Locator(".error-summary li").CountAsync());
        Assert.Equal("<b>slow</b>", await her.InputValueAsync("#Comment"));
        problems.AddRange(await Chromium.AxeViolations(her));
        await her.CheckAsync("#Level-2");
        await her.FillAsync("#Comment", "Slow, and nobody called back.");
        await her.ClickAsync("main form button[type=submit]");
        Assert.Contains("?thanks=true", her.Url, StringComparison.Ordinal);
        await Check(her, rate, problems);

        var officer = await SignedInStaff("officer.civil");
        await Check(officer, "/staff/reviews", problems);
        await officer.GotoAsync(new Uri(_site, "/staff/reviews").ToString());
        var review = await officer.Locator("main table a").First.GetAttributeAsync("href");
        await Check(officer, review!, problems);
        await officer.GotoAsync(new Uri(_site, review!).ToString());
        await officer.ClickAsync("main form button[type=submit]");
        Assert.Equal(1, await officer.Locator(".error-summary li").CountAsync());
        problems.AddRange(await Chromium.AxeViolations(officer));
        var head = await SignedInStaff("head.hr");
        await Check(head, "/staff/appeals", problems);
        var visitor = await chromium.NewPage(locale: "en");
        await Check(visitor, "/ratings", problems);
        await Check(visitor, "/halls/futian-hall/waits", problems);
        await Check(visitor, "/verify", problems);
        await Check(visitor, $"/verify/{Guid.NewGuid()}", problems); // a short link to nothing: the verdict box

        // The counter tablet, by a link a clerk made for another application of hers (any rating there is refused as a second one).
        string link;
        await using (var scope = app.Scope())
        {
            var id = await scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>().Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
            link = "/counter/rate/" + await scope.ServiceProvider.GetRequiredService<Tongban.Ratings.Counter.OpenCounterRating>().Handle(id, null, Guid.NewGuid(), TestContext.Current.CancellationToken);
        }

        await Check(visitor, link, problems);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task StaffPages_AreAccessible()
    {
        var problems = new List<string>();
        var signIn = await chromium.NewPage(locale: "en");
        await Check(signIn, "/staff/sign-in", problems);
        var clerk = await SignedInStaff("clerk.futian");
        await Check(clerk, "/staff", problems);
        await Check(clerk, "/staff/assist?byPost=true", problems);
        await Check(clerk, "/staff/assist", problems);

        await clerk.GotoAsync(new Uri(_site, "/staff/assist").ToString());
        await clerk.ClickAsync("main form button[type=submit]");
        Assert.True(await clerk.Locator(".error-summary li").CountAsync() >= 3);
        problems.AddRange(await Chromium.AxeViolations(clerk));

        // Born in 1990: too young for the senior card the clerk applies for below, so the rules send it to a
        // person and the officer's page shows every action with its fields.
        await clerk.FillAsync("#idNumber", People.IdNumberBornOn(new DateOnly(1990, 1, 1)));
        await clerk.FillAsync("#fullName", "赵桂芳");
        await clerk.CheckAsync("#check-IdCardInspected");
        await clerk.FillAsync("#consentReference", "F-77");
        await clerk.ClickAsync("main form button[type=submit]");
        await clerk.ClickAsync("main form button[type=submit]");
        var resident = new Uri(clerk.Url).AbsolutePath;
        Assert.StartsWith("/staff/residents/", resident, StringComparison.Ordinal);
        foreach (var path in new[] { resident, $"{resident}/profile", $"{resident}/activity", "/staff/visit/tablet", "/staff/hall/queue" })
        {
            await Check(clerk, path, problems);
        }

        // The hall's queue with a refusal on it, and the hall's display.
        await clerk.FillAsync("#Reference", "ABCD-EFGH-J");
        await clerk.ClickAsync("form[action*='handler=CheckIn'] button");
        Assert.Equal(1, await clerk.Locator(".error-summary li").CountAsync());
        problems.AddRange(await Chromium.AxeViolations(clerk));
        await Check(clerk, "/halls/futian-hall/queue", problems);

        // The clerk applies for her (her name, ID number and birth date are already known), then a Civil
        // Affairs officer finds the case in the department's queue.
        await clerk.GotoAsync(new Uri(_site, "/services/senior-citizen-card/apply").ToString());
        await clerk.CheckAsync("#answer-0");
        await clerk.ClickAsync("main form button[type=submit]");
        await clerk.FillAsync("#answer", "福田区福中三路1号");
        await clerk.ClickAsync("main form button[type=submit]");
        await clerk.ClickAsync("main form button[type=submit]");
        var reference = await clerk.Locator("strong.reference").TextContentAsync();
        var officer = await SignedInStaff("officer.civil");
        await Check(officer, "/staff", problems);
        await Check(officer, $"/staff/cases/{reference}", problems);

        var operatorPage = await SignedInStaff("operator");
        await Check(operatorPage, "/staff/notifications", problems);
        await Check(operatorPage, "/staff/letters", problems);
        await Check(operatorPage, "/staff/halls/closures", problems);
        await Check(operatorPage, "/staff/certificates", problems);
        await Check(operatorPage, "/staff/partners", problems);
        await AMessageThePartnerNeverGot();
        await Check(operatorPage, "/staff/partners/webhooks", problems);

        // The cases above are counted as the job would, so that the head's figures have rows, charts and summaries.
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Tongban.Insights.RefreshInsights>().Handle(TestContext.Current.CancellationToken);
        }

        var head = await SignedInStaff("head.civil");
        await Check(head, "/staff/insights", problems);
        await Check(head, "/staff/partners/reach", problems);

        Assert.Empty(problems);
    }

    /// <summary>The demo partner subscribed, and one of its messages given up, so that the operator's page has its tables.</summary>
    private async Task AMessageThePartnerNeverGot()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Tongban.Platform.Data.AppDbContext>();
        var now = app.Time.GetUtcNow().UtcDateTime;
        db.WebhookSubscriptions.Add(new() { ClientId = "demo-superapp", Url = "https://hooks.example/tongban", Secret = Tongban.PartnerApi.Webhooks.WebhookSignature.NewSecret(), CreatedAt = now, ChangedAt = now });
        var data = new Tongban.PartnerApi.Webhooks.WebhookCaseData("ABCD-EFGH-J", "senior-citizen-card", "Approved", "Approved", 2);
        db.WebhookDeliveries.Add(new()
        {
            Id = Guid.NewGuid(),
            ClientId = "demo-superapp",
            CaseId = Guid.NewGuid(),
            Sequence = 2,
            Type = "case.status_changed",
            CreatedAt = now,
            Payload = System.Text.Json.JsonSerializer.Serialize(new Tongban.PartnerApi.Webhooks.WebhookEvent("case.status_changed", now, data), System.Text.Json.JsonSerializerOptions.Web),
            Status = Tongban.PartnerApi.Webhooks.WebhookDeliveryStatus.GaveUp,
            Attempts = 8,
            LastAttemptAt = now,
            LastResult = "HTTP 503",
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ApplicationPages_AreAccessible_AndNeedNoScript()
    {
        var problems = new List<string>();
        var page = await SignedInResident(People.NewMobile());

        // Every kind of question, as a page of its own, in both languages and modes.
        await page.GotoAsync(new Uri(_site, "/services/unemployment-benefit/apply").ToString());
        foreach (var question in new[] { "applicant.fullName", "applicant.idNumber", "employment.endDate", "employment.reason", "employment.insuredYears" })
        {
            await Check(page, $"/services/unemployment-benefit/apply/{question}", problems);
        }

        await Check(page, "/services/hpf-withdrawal-retirement/apply/pension.retired", problems);
        await Check(page, "/services/id-card-renewal/apply/applicant.address", problems);
        await Check(page, "/life-events/retirement/apply/services", problems);

        // An error on a date, then the whole elderly allowance to its confirmation, by keyboard and clicks only.
        await page.GotoAsync(new Uri(_site, "/services/unemployment-benefit/apply/employment.endDate").ToString());
        await page.FillAsync("#answer-day", "31");
        await page.FillAsync("#answer-month", "2");
        await page.FillAsync("#answer-year", "2026");
        await page.ClickAsync("main form button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary a[href='#answer-day']").CountAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal("31", await page.InputValueAsync("#answer-day"));
        problems.AddRange(await Chromium.AxeViolations(page));

        await page.GotoAsync(new Uri(_site, "/services/elderly-allowance/apply").ToString());
        await page.FillAsync("#answer", "王秀英");
        await page.ClickAsync("main form button[type=submit]");
        await page.FillAsync("#answer", "440304194005010024"); // which holds her date of birth: not asked again
        await page.ClickAsync("main form button[type=submit]");
        await page.CheckAsync("#answer-0");
        await page.ClickAsync("main form button[type=submit]");
        await page.FillAsync("#answer", "福田区福中三路1号");
        await page.ClickAsync("main form button[type=submit]");
        await page.FillAsync("#answer", "6222000011112222");
        await page.ClickAsync("main form button[type=submit]");
        Assert.EndsWith("/services/elderly-allowance/apply/check", page.Url, StringComparison.Ordinal);
        await Check(page, "/services/elderly-allowance/apply/check", problems);
        await page.GotoAsync(new Uri(_site, "/services/elderly-allowance/apply/check").ToString());
        await page.ClickAsync("main form button[type=submit]");
        var done = new Uri(page.Url).PathAndQuery;
        Assert.Contains("/apply/done/", done, StringComparison.Ordinal);
        await Check(page, done, problems);
        var reference = await page.Locator("strong.reference").TextContentAsync();
        await Check(page, $"/cases/{reference}", problems);

        Assert.Empty(problems);
    }
}
