using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

public sealed partial class ApplicationTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private async Task<(FormClient Browser, string Mobile)> ResidentWithProfile(DateOnly born, bool statistics = false, string language = "en")
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile, language);
        var profile = new Dictionary<string, string>
        {
            ["Input.FullName"] = "王秀英",
            ["Input.IdNumber"] = People.IdNumberBornOn(born),
            ["Input.ContactChannel"] = "Sms",
            ["Input.District"] = "futian",
            ["Input.PostalAddress"] = "福田区福中三路1号",
        };
        if (statistics)
        {
            profile["Input.StatisticsConsent"] = "true";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Submit("/me/profile", profile)).Status);
        return (browser, mobile);
    }

    /// <summary>Answers whatever question the form asks next, from <paramref name="answers"/>, until the check page.</summary>
    private static async Task<string> AnswerAll(FormClient browser, string start, Dictionary<string, Dictionary<string, string>> answers)
    {
        var (status, html, location) = await browser.Get(start);
        for (var i = 0; i < 30 && status == HttpStatusCode.Redirect && !location!.OriginalString.EndsWith("/check", StringComparison.Ordinal); i++)
        {
            var questionId = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
            Assert.True(answers.ContainsKey(questionId), $"unexpected question {questionId}");
            (status, html, location) = await browser.Submit(location.OriginalString, answers[questionId]);
        }

        Assert.True(status == HttpStatusCode.Redirect, html);
        return location!.OriginalString;
    }

    private static Dictionary<string, string> Answer(string value) => new() { ["answer"] = value };

    private static readonly Dictionary<string, Dictionary<string, string>> ElderlyAllowance = new()
    {
        ["applicant.residency"] = Answer("hukou"),
        ["bank.accountNumber"] = Answer("6222 0000 1111 2222"),
    };

    private Task<Case> CaseOf(string reference) => Applying.StoredCase(app, reference);

    [Fact]
    public async Task AnEightySixYearOld_IsAskedOnlyWhatTheCityDoesNotHold_AndApprovedAtOnce_WithReasons()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));

        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, checkPage, _) = await browser.Get(check);
        Assert.Contains("from what the city holds", checkPage, StringComparison.Ordinal);
        Assert.Contains("王秀英", checkPage, StringComparison.Ordinal);

        var (status, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, confirmation, _) = await browser.Get(done!.OriginalString);
        var reference = Reference().Match(confirmation).Value;
        Assert.Contains("Approved", confirmation, StringComparison.Ordinal);
        Assert.Contains("You are 80 or older.", confirmation, StringComparison.Ordinal);
        Assert.Contains("You have Shenzhen household registration.", confirmation, StringComparison.Ordinal);
        var submitted = await CaseOf(reference);
        Assert.Equal(CaseStatus.Approved, submitted.Status);
        Assert.Equal(Channel.Online, submitted.Channel);
        Assert.Equal(12, submitted.FormVersion.Length);
        Assert.True(submitted.DueOn > DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task AFailedRule_SendsTheCaseToAPerson_WithTheReason_InHerLanguage()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1960, 5, 1), language: "zh-CN");

        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var (_, confirmation, _) = await browser.Get(done!.OriginalString);

        Assert.Contains("按您填写的出生日期，您未满80周岁。", confirmation, StringComparison.Ordinal);
        Assert.Contains("并未被拒绝", confirmation, StringComparison.Ordinal);
        var submitted = await CaseOf(Reference().Match(confirmation).Value);
        Assert.Equal(CaseStatus.WithOfficer, submitted.Status);
        Assert.Contains(submitted.RuleOutcomes, o => o.RuleId == "aged-80" && !o.Passed);
    }

    [Fact]
    public async Task BackLinksRetraceTheQuestions_AndAChangeFromTheCheckPage_ReturnsToIt()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        const string form = "/services/elderly-allowance/apply";

        var (_, checkPage, _) = await browser.Get(check);
        var changeLinks = ChangeLink().Matches(checkPage).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["applicant.fullName", "applicant.idNumber", "applicant.dateOfBirth", "applicant.residency", "applicant.address", "bank.accountNumber"], changeLinks);
        Assert.Equal($"{form}/bank.accountNumber", BackLink(checkPage));
        Assert.Equal($"{form}/applicant.address", BackLink((await browser.Get($"{form}/bank.accountNumber")).Html));
        Assert.Equal("/services/elderly-allowance", BackLink((await browser.Get($"{form}/applicant.fullName")).Html));

        var changing = $"{form}/bank.accountNumber?change=true";
        Assert.Equal(check, BackLink((await browser.Get(changing)).Html));
        var (status, _, next) = await browser.Submit(changing, new Dictionary<string, string> { ["answer"] = "6222 0000 3333 4444", ["change"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(check, next!.OriginalString);
        var (_, changed, _) = await browser.Get(check);
        Assert.Contains("6222000033334444", changed.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("6222000011112222", changed.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConditionalQuestion_IsAskedWhenAChangeCallsForIt_AndDroppedWhenItNoLongerApplies()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1985, 3, 1));
        const string form = "/services/unemployment-benefit/apply";
        var ended = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-30);
        var check = await AnswerAll(browser, form, new()
        {
            ["employment.lastEmployer"] = Answer("深圳市南山电子有限公司"),
            ["employment.endDate"] = Applying.Fields(ended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["employment.reason"] = Answer("contract-ended"),
            ["employment.insuredYears"] = Answer("3"),
            ["bank.accountNumber"] = Answer("6222 0000 1111 2222"),
        });
        Assert.DoesNotContain("employment.forcedResignation", (await browser.Get(check)).Html, StringComparison.Ordinal);

        // She resigned after all: the check page first asks the question that now applies, then comes back.
        var changeReason = $"{form}/employment.reason?change=true";
        await browser.Submit(changeReason, new Dictionary<string, string> { ["answer"] = "resigned", ["change"] = "true" });
        var (status, _, asked) = await browser.Get(check);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{form}/employment.forcedResignation", asked!.OriginalString);
        Assert.Equal($"{form}/employment.reason", BackLink((await browser.Get(asked.OriginalString)).Html));
        var (_, _, next) = await browser.Submit(asked.OriginalString, Answer("yes"));
        Assert.Equal(check, next!.OriginalString);
        Assert.Contains("employment.forcedResignation?change=true", (await browser.Get(check)).Html, StringComparison.Ordinal);

        // Dismissed, in fact: the question no longer applies, and its answer goes neither on the page nor in the case.
        await browser.Submit(changeReason, new Dictionary<string, string> { ["answer"] = "dismissed", ["change"] = "true" });
        Assert.DoesNotContain("employment.forcedResignation", (await browser.Get(check)).Html, StringComparison.Ordinal);
        var (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var submitted = await CaseOf(Reference().Match((await browser.Get(done!.OriginalString)).Html).Value);
        Assert.Equal("dismissed", submitted.Answers()["employment.reason"]);
        Assert.False(submitted.Answers().ContainsKey("employment.forcedResignation"));
    }

    private static string BackLink(string html) => WebUtility.HtmlDecode(BackLinkHref().Match(html).Groups[1].Value);

    [GeneratedRegex("<a href=\"([^\"]+)\" class=\"back-link\">")]
    private static partial Regex BackLinkHref();

    [GeneratedRegex("href=\"/services/elderly-allowance/apply/([^\"?]+)\\?change=true\"")]
    private static partial Regex ChangeLink();

    [Fact]
    public async Task EachDecision_AndEachSubmission_IsTimedForOperators()
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var decisions = new MetricCollector<double>(meters, SubmissionMetrics.MeterName, SubmissionMetrics.DecisionDuration);
        using var submissions = new MetricCollector<double>(meters, SubmissionMetrics.MeterName, SubmissionMetrics.SubmissionDuration);
        var (browser, _) = await ResidentWithProfile(new DateOnly(1960, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);

        var (_, page, _) = await browser.Get(check);
        var form = new Dictionary<string, string> { ["draft"] = DraftField().Match(page).Groups[1].Value, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value };
        await browser.Post(check, form);
        await browser.Post(check, form); // the same draft again (the back button): no second decision

        var decision = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Equal("elderly-allowance", decision.Tags["service"]);
        Assert.Equal("to-officer", decision.Tags["outcome"]);
        var submission = Assert.Single(submissions.GetMeasurementSnapshot());
        Assert.Equal("Online", submission.Tags["channel"]);
        Assert.InRange(decision.Value, double.Epsilon, submission.Value);
    }

    [Fact]
    public async Task SubmittingTwice_MakesOneCase()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, page, _) = await browser.Get(check);
        var draft = DraftField().Match(page).Groups[1].Value;

        var form = new Dictionary<string, string> { ["draft"] = draft, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value };
        var sentBefore = await SentForms();

        // A double click, then the back button and the same page sent again: the same case every time.
        var clicks = await Task.WhenAll(browser.Post(check, form), browser.Post(check, form));
        var again = await browser.Post(check, form);

        Assert.All(clicks, c => Assert.Equal(again.Location, c.Location));
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(c => c.DraftId == Guid.Parse(draft), TestContext.Current.CancellationToken));
        Assert.Equal(sentBefore + 1, await SentForms()); // and the funnel counts one form sent, not three
    }

    [Fact]
    public async Task SomeoneElsesDraft_CannotBeSent()
    {
        var (owner, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(owner, "/services/elderly-allowance/apply", ElderlyAllowance);
        var draft = DraftField().Match((await owner.Get(check)).Html).Groups[1].Value;
        var (stranger, _) = await ResidentWithProfile(new DateOnly(1941, 5, 1));
        var (_, question, _) = await stranger.Get((await stranger.Get("/services/elderly-allowance/apply")).Location!.OriginalString);

        var (status, _, _) = await stranger.Post(check, new Dictionary<string, string> { ["draft"] = draft, ["__RequestVerificationToken"] = Token().Match(question).Groups[1].Value });

        Assert.Equal(HttpStatusCode.NotFound, status);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AnyAsync(c => c.DraftId == Guid.Parse(draft), TestContext.Current.CancellationToken));
    }

    private async Task<int> SentForms()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormEvents
            .CountAsync(e => e.FormKey == "services/elderly-allowance" && e.Step == FormStep.Submitted, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ADraft_StartedOnline_IsFinishedAtTheCounter_AndTheCaseSaysWhoAndUnderWhichConsent()
    {
        var (resident, mobile) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var (_, _, first) = await resident.Get("/services/elderly-allowance/apply");
        await resident.Submit(first!.OriginalString, Answer("hukou"));
        var me = await People.Resident(app, mobile);
        await People.VerifyIdNumber(app, resident, mobile, me.ClaimedIdNumber!, "王秀英");

        var clerk = await People.SignInStaff(app, "clerk.futian");
        await clerk.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = me.ClaimedIdNumber!,
            ["Input.FullName"] = "王秀英",
            ["Input.IdentityCheck"] = "IdCardReader",
            ["Input.ConsentReference"] = "F-88",
        });
        var (_, _, resumed) = await clerk.Get("/services/elderly-allowance/apply");
        Assert.EndsWith("/bank.accountNumber", resumed!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("You are acting for 王秀英 (At a counter, consent F-88)", (await clerk.Get(resumed.OriginalString)).Html, StringComparison.Ordinal);
        var check = await AnswerAll(clerk, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, _, done) = await clerk.Submit(check, new Dictionary<string, string>());
        var (_, confirmation, _) = await clerk.Get(done!.OriginalString);

        var submitted = await CaseOf(Reference().Match(confirmation).Value);
        Assert.Equal(Channel.Counter, submitted.Channel);
        Assert.Equal("陈晓雯", submitted.ActorName);
        Assert.Equal("consent:F-88", submitted.ActingUnder);
        Assert.Contains("Sent an application for you", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await resident.Get($"/cases/{submitted.Reference}")).Status);
    }

    [Fact]
    public async Task AnotherResident_CannotSeeTheCase_EvenWithItsReference()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var reference = Reference().Match((await browser.Get(done!.OriginalString)).Html).Value;
        var stranger = await People.SignInResident(app, People.NewMobile());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Get($"/cases/{reference}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Get(done.OriginalString)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await new FormClient(app).Get($"/cases/{reference}")).Status);
    }

    [Fact]
    public async Task TheResident_CanAskForAPersonToReviewAnAutomaticDecision()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var reference = CaseReference.Normalize(Reference().Match((await browser.Get(done!.OriginalString)).Html).Value)!;

        var (status, _, location) = await browser.Submit($"/cases/{reference}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("a person will review the decision", (await browser.Get(location!.OriginalString)).Html, StringComparison.Ordinal);
        var reviewed = await CaseOf(reference);
        Assert.NotNull(reviewed.ReviewRequestedAt);
        Assert.Equal(CaseStatus.WithOfficer, reviewed.Status);
    }

    [Fact]
    public async Task ALifeEvent_AsksSharedQuestionsOnce_AndMakesOneCasePerService()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1961, 3, 1));

        var check = await AnswerAll(browser, "/life-events/retirement/apply", new()
        {
            ["applicant.residency"] = Answer("hukou"),
            ["pension.contributionYears"] = Answer("30"),
            ["pension.retired"] = Answer("yes"),
            ["bank.accountNumber"] = Answer("6222000011112222"),
        });
        var (_, _, done) = await browser.Submit(check, new Dictionary<string, string>());
        var (_, confirmation, _) = await browser.Get(done!.OriginalString);

        var references = Reference().Matches(confirmation).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(3, references.Count);
        var services = new List<string>();
        foreach (var reference in references)
        {
            services.Add((await CaseOf(reference)).ServiceCode);
        }

        Assert.Equal(["basic-pension-claim", "hpf-withdrawal-retirement", "senior-citizen-card"], services.Order());
    }

    /// <summary>Her son, under a permission for the elderly allowance only, acting for her.</summary>
    private async Task<(FormClient Mother, FormClient Son, string MotherMobile)> MotherAndSonActingForHer()
    {
        var (mother, motherMobile) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var sonMobile = People.NewMobile();
        var son = await People.SignInResident(app, sonMobile);
        var until = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddMonths(3);
        await mother.Submit("/me/delegations/new", new Dictionary<string, string>
        {
            ["Input.Proxy"] = sonMobile,
            ["Input.ProxyName"] = "儿子",
            ["Input.Scope"] = "listed",
            ["Input.Services[0]"] = "elderly-allowance",
            ["Input.UntilDay"] = until.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.UntilMonth"] = until.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.UntilYear"] = until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var id = Regex.Match((await son.Get("/me/delegations")).Html, "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        await son.Submit("/me", new Dictionary<string, string> { ["id"] = id }, "/me/delegations?handler=accept");
        var (_, _, landing) = await son.Submit("/me", new Dictionary<string, string> { ["delegation"] = id }, "/me/acting-for");
        Assert.Equal("/me/applications", landing!.OriginalString);
        return (mother, son, motherMobile);
    }

    [Fact]
    public async Task AProxy_MayApplyOnlyForTheServicesSheWasGiven()
    {
        var (_, son, _) = await MotherAndSonActingForHer();

        // He lands on her applications, not on "something went wrong": her profile is not within a permission for one service.
        var (status, overview, _) = await son.Get("/me/applications");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Applications of 王秀英", overview, StringComparison.Ordinal);
        Assert.Equal("/me/applications", (await son.Get("/me")).Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await son.Get("/services/elderly-allowance/apply")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await son.Get("/services/senior-citizen-card/apply")).Status);
    }

    [Fact]
    public async Task TheFunnel_CountsGroupsOnlyWithConsent_AndNeverWhoItWas()
    {
        var (withConsent, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1), statistics: true);
        var (without, _) = await ResidentWithProfile(new DateOnly(1941, 5, 1));

        await withConsent.Get((await withConsent.Get("/services/senior-citizen-card/apply")).Location!.OriginalString);
        await without.Get((await without.Get("/services/senior-citizen-card/apply")).Location!.OriginalString);

        await app.Services.GetRequiredService<RecordFormStep>().Flush(); // page steps are written a second later
        await using var scope = app.Scope();
        var events = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormEvents.Where(e => e.FormKey == "services/senior-citizen-card").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e is { Step: FormStep.Viewed, AgeBand: "80+", District: "futian" });
        Assert.Contains(events, e => e is { Step: FormStep.Viewed, AgeBand: "unknown", District: "unknown" });
    }

    [GeneratedRegex("name=\"draft\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex DraftField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    // Bounded on both sides: the stylesheet's version hash in every page could otherwise contain a look-alike.
    [GeneratedRegex("(?<![A-Za-z0-9_-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=](?![A-Za-z0-9_-])")]
    private static partial Regex Reference();
}
