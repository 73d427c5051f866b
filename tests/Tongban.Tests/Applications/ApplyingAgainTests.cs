using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Data;

namespace Tongban.Tests.Applications;

/// <summary>The catalogue's reapply rule: what is granted once is not granted again, by the same form, a life event, or two tabs at once.</summary>
public sealed partial class ApplicationTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> SeniorCard = new()
    {
        ["applicant.residency"] = Answer("hukou"),
        ["applicant.address"] = Answer("福田区福中三路1号"),
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Retiring = new()
    {
        ["applicant.residency"] = Answer("hukou"),
        ["pension.contributionYears"] = Answer("30"),
        ["pension.retired"] = Answer("yes"),
        ["bank.accountNumber"] = Answer("6222000011112222"),
    };

    [Fact]
    public async Task ACardGrantedOnItsOwn_IsLeftOutOfTheLifeEvent_WithTheReason_AndCannotBeAskedForAgain()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1961, 3, 1));
        var (_, _, done) = await browser.Submit(await AnswerAll(browser, "/services/senior-citizen-card/apply", SeniorCard), new Dictionary<string, string>());
        var card = Reference().Match((await browser.Get(done!.OriginalString)).Html).Value;
        Assert.Equal(CaseStatus.Approved, (await CaseOf(card)).Status);

        // The life event no longer asks the card's own question (the address), and says why the card is not in it.
        var check = await AnswerAll(browser, "/life-events/retirement/apply", new(Retiring));
        var (_, checkPage, _) = await browser.Get(check);
        Assert.Contains("Not included, and why:", checkPage, StringComparison.Ordinal);
        Assert.Contains($"it was granted to you already (reference {card})", checkPage, StringComparison.Ordinal);
        (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var confirmation = (await browser.Get(done!.OriginalString)).Html;
        var services = new List<string>();
        foreach (var reference in Reference().Matches(confirmation).Select(m => m.Value).Distinct())
        {
            services.Add((await CaseOf(reference)).ServiceCode);
        }

        Assert.Equal(["basic-pension-claim", "hpf-withdrawal-retirement"], services.Order());

        var (status, _, notNow) = await browser.Get("/services/senior-citizen-card/apply");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/services/senior-citizen-card/apply/not-now", notNow!.OriginalString);
        Assert.Contains(card, (await browser.Get(notNow.OriginalString)).Html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A life event's bundle is hers to trim: unticked services are not asked about and no case is made for them, the check
    /// page says she chose so, and at least one must stay.
    /// </summary>
    [Fact]
    public async Task SheLeavesOutServicesOfALifeEventSheDoesNotNeed()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1961, 3, 1));
        var (_, _, firstQuestion) = await browser.Get("/life-events/retirement/apply");
        Assert.Contains("Choose which services you need", (await browser.Get(firstQuestion!.OriginalString)).Html, StringComparison.Ordinal);
        const string Choose = "/life-events/retirement/apply/services";
        var (_, choosePage, _) = await browser.Get(Choose);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(choosePage, "type=\"checkbox\"[^>]*checked"));

        var (status, html, _) = await browser.Submit(Choose, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Choose at least one service to apply for.", html, StringComparison.Ordinal);
        (status, _, var back) = await browser.Submit(Choose, new Dictionary<string, string> { ["Include"] = "basic-pension-claim" });
        Assert.Equal((HttpStatusCode.Redirect, "/life-events/retirement/apply"), (status, back!.OriginalString));

        // The card's own question (her address) is not asked; what she left out is named on the check page.
        var check = await AnswerAll(browser, "/life-events/retirement/apply", new(Retiring));
        var (_, checkPage, _) = await browser.Get(check);
        Assert.Contains("you chose not to apply for it.", checkPage, StringComparison.Ordinal);
        (_, _, var done) = await browser.Submit(check, new Dictionary<string, string>());
        var references = Reference().Matches((await browser.Get(done!.OriginalString)).Html).Select(m => m.Value).Distinct().ToList();
        var services = new List<string>();
        foreach (var reference in references)
        {
            services.Add((await CaseOf(reference)).ServiceCode);
        }

        Assert.Equal(["basic-pension-claim"], services);
    }

    /// <summary>Two forms that both hold the card (on its own, and in the life event), each sent 50 times at once: one card. (Sent in groups, the hundred sendings hold one connection, not one each.)</summary>
    [Fact]
    public async Task TheSameServiceSentFromTwoFormsAtOnce_IsGrantedOnce()
    {
        var (browser, mobile) = await ResidentWithProfile(new DateOnly(1961, 3, 1));
        var alone = await AnswerAll(browser, "/services/senior-citizen-card/apply", SeniorCard);
        var (_, alonePage, _) = await browser.Get(alone);
        var inEvent = await AnswerAll(browser, "/life-events/retirement/apply", new(Retiring) { ["applicant.address"] = Answer("福田区福中三路1号") });
        var (_, eventPage, _) = await browser.Get(inEvent);
        var residentId = (await Infrastructure.People.Resident(app, mobile)).Id;

        var posts = Enumerable.Range(0, 100).Select(i =>
        {
            var (url, page) = i % 2 == 0 ? (alone, alonePage) : (inEvent, eventPage);
            return browser.Post(url, new Dictionary<string, string> { ["draft"] = DraftField().Match(page).Groups[1].Value, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value });
        });
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        await using var scope = app.Scope();
        var cards = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases
            .CountAsync(c => c.ResidentId == residentId && c.ServiceCode == "senior-citizen-card", TestContext.Current.CancellationToken);
        Assert.Equal(1, cards);
    }

    public static TheoryData<string, ReapplyRule, int?, bool, bool, int, ReapplyBlock> ReapplyTable => new()
    {
        // service rule, period, earlier open?, earlier granted?, days since the decision → block
        { "none before", ReapplyRule.Once, null, false, false, 0, ReapplyBlock.None },
        { "pending blocks every rule but unlimited", ReapplyRule.AfterClosed, null, true, false, 0, ReapplyBlock.Pending },
        { "unlimited", ReapplyRule.Unlimited, null, true, false, 0, ReapplyBlock.None },
        { "after closed, granted", ReapplyRule.AfterClosed, null, false, true, 1, ReapplyBlock.None },
        { "once, granted", ReapplyRule.Once, null, false, true, 4000, ReapplyBlock.AlreadyGranted },
        { "once, refused", ReapplyRule.Once, null, false, false, 1, ReapplyBlock.None },
        { "period, last day inside", ReapplyRule.OncePerPeriod, 365, false, true, 364, ReapplyBlock.GrantedWithinPeriod },
        { "period, first day after", ReapplyRule.OncePerPeriod, 365, false, true, 365, ReapplyBlock.None },
    };

    [Theory]
    [MemberData(nameof(ReapplyTable))]
    public void TheReapplyRule_AsATable(string name, ReapplyRule rule, int? days, bool open, bool granted, int daysAgo, ReapplyBlock expected)
    {
        var today = new DateOnly(2026, 12, 2);
        var service = new Service
        {
            Code = "s",
            Name = new("甲", "A"),
            Summary = new("", ""),
            Audience = new("", ""),
            Eligibility = new("", ""),
            Fee = new("", ""),
            Reapply = rule,
            ReapplyAfterDays = days,
        };
        var earlier = new[] { new EarlierCase("s", "000000000", open, granted, open ? null : today.AddDays(-daysAgo)), new EarlierCase("other", "1", true, false, null) };

        var blocked = MayApplyAgain.Check(service, name == "none before" ? [] : earlier, today);

        Assert.Equal(expected, blocked?.Block ?? ReapplyBlock.None);
    }

    /// <summary>Her applications can be found: the form she has not sent, the card being handled, the allowance decided.</summary>
    [Fact]
    public async Task HerApplications_AreListed_NotSentBeingHandledAndFinished()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var (_, _, done) = await browser.Submit(await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance), new Dictionary<string, string>());
        var allowance = Reference().Match((await browser.Get(done!.OriginalString)).Html).Value;
        await browser.Get("/life-events/retirement/apply");

        var (status, page, _) = await browser.Get("/me/applications");

        Assert.Equal(HttpStatusCode.OK, status);
        var notSent = page[page.IndexOf("id=\"drafts\"", StringComparison.Ordinal)..page.IndexOf("id=\"open\"", StringComparison.Ordinal)];
        var finished = page[page.IndexOf("id=\"finished\"", StringComparison.Ordinal)..];
        Assert.Contains("href=\"/life-events/retirement/apply\"", notSent, StringComparison.Ordinal);
        Assert.Contains(allowance, finished, StringComparison.Ordinal);
        Assert.Contains("/me/applications", (await browser.Get("/me")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("e-certificates appear in your account", (await browser.Get($"/cases/{allowance}")).Html, StringComparison.Ordinal);
    }

    /// <summary>When her son applies for her, she is told who did what, on her channel; and her son sees her application in her list.</summary>
    [Fact]
    public async Task WhenHerSonAppliesForHer_SheIsTold_AndHeFindsItInHerApplications()
    {
        var (_, son, motherMobile) = await MotherAndSonActingForHer();

        var (_, _, done) = await son.Submit(await AnswerAll(son, "/services/elderly-allowance/apply", ElderlyAllowance), new Dictionary<string, string>());
        var reference = Reference().Match((await son.Get(done!.OriginalString)).Html).Value;

        var mother = await Infrastructure.People.Resident(app, motherMobile);
        await using (var scope = app.Scope())
        {
            var texts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
                .Where(n => n.ResidentId == mother.Id).Select(n => n.Text).ToListAsync(TestContext.Current.CancellationToken);
            // In her language (her profile says Chinese): who, what, which application.
            Assert.Contains(texts, t => t.StartsWith("【通办】儿子为您办理了", StringComparison.Ordinal) && t.Contains(reference, StringComparison.Ordinal) && t.Contains("已提交", StringComparison.Ordinal));
        }

        var (_, list, _) = await son.Get("/me/applications");
        Assert.Contains(reference, list, StringComparison.Ordinal);
    }
}
