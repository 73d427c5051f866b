using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>Every question type against what people (and attackers) type: a clear message, nothing typed lost, nothing saved, never a 500.</summary>
public sealed class AnswerBadInputTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    public static TheoryData<string, string, Dictionary<string, string>, string> Cases => new()
    {
        // service, question, what was typed, the message
        { "unemployment-benefit", "applicant.fullName", new() { ["answer"] = "" }, "Answer this question to continue." },
        { "unemployment-benefit", "applicant.fullName", new() { ["answer"] = new string('名', 51) }, "Use 50 characters or fewer. You have used 51." },
        { "unemployment-benefit", "applicant.fullName", new() { ["answer"] = "王\u0007秀英" }, "special characters" },
        { "unemployment-benefit", "applicant.idNumber", new() { ["answer"] = "440304195603270024" }, "one of the characters is mistyped" },
        { "unemployment-benefit", "applicant.idNumber", new() { ["answer"] = "' OR 1=1 --" }, "An ID number has 18 characters." },
        { "unemployment-benefit", "employment.endDate", new() { ["day"] = "30", ["month"] = "2", ["year"] = "2026" }, "This date does not exist." },
        { "unemployment-benefit", "employment.endDate", new() { ["day"] = "1", ["month"] = "1", ["year"] = "2099" }, "today or in the past" },
        { "unemployment-benefit", "employment.endDate", new() { ["day"] = "一", ["month"] = "1", ["year"] = "2026" }, "in numbers" },
        { "unemployment-benefit", "employment.endDate", new() { ["day"] = "", ["month"] = "", ["year"] = "" }, "Enter the date as day, month and year." },
        { "unemployment-benefit", "employment.reason", new() { ["answer"] = "<script>alert(1)</script>" }, "Choose one of the options." },
        { "unemployment-benefit", "employment.insuredYears", new() { ["answer"] = "abc" }, "using digits only" },
        { "unemployment-benefit", "employment.insuredYears", new() { ["answer"] = "61" }, "Enter a number from 0 to 60." },
        { "unemployment-benefit", "employment.insuredYears", new() { ["answer"] = "1e400" }, "using digits only" },
        { "hpf-withdrawal-retirement", "pension.retired", new() { ["answer"] = "maybe" }, "Choose one of the options." },
        { "id-card-renewal", "applicant.address", new() { ["answer"] = new string('路', 201) }, "Use 200 characters or fewer." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadAnswers_AreRefusedClearly_AndKept(string service, string question, Dictionary<string, string> typed, string message)
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        await browser.Get($"/services/{service}/apply");

        var (status, html, _) = await browser.Submit($"/services/{service}/apply/{question}", typed);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // What was typed comes back (choices cannot show a value that is not one of them).
        if (typed.Values.FirstOrDefault(v => v.Length > 0) is { } kept && question is not ("employment.reason" or "pension.retired"))
        {
            Assert.Contains(kept, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        var residentId = (await People.Resident(app, mobile)).Id;
        await using var scope = app.Scope();
        var draft = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.ResidentId == residentId, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(question, draft.Answers().Keys);
    }

    public static TheoryData<string, string> StoredSafely => new()
    {
        { "employment.lastEmployer", "<img src=x onerror=alert(1)>" },
        { "employment.lastEmployer", "Robert'); DROP TABLE \"Cases\";--" },
        { "employment.lastEmployer", "深圳市🚀科技有限公司" },
    };

    [Theory]
    [MemberData(nameof(StoredSafely))]
    public async Task OddButHarmlessText_IsStoredAsTyped_AndShownEncoded(string question, string value)
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        await browser.Get("/services/unemployment-benefit/apply");

        var (status, _, _) = await browser.Submit($"/services/unemployment-benefit/apply/{question}", new Dictionary<string, string> { ["answer"] = value });
        var (_, page, _) = await browser.Get($"/services/unemployment-benefit/apply/{question}");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains(value, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        var residentId = (await People.Resident(app, mobile)).Id;
        await using var scope = app.Scope();
        var draft = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.ResidentId == residentId, TestContext.Current.CancellationToken);
        Assert.Equal(value, draft.Answers()[question]);
    }

    [Fact]
    public async Task FullWidthDigits_FromAChineseKeyboard_AreAccepted()
    {
        var browser = await People.SignInResident(app, People.NewMobile());
        await browser.Get("/services/unemployment-benefit/apply");

        var (status, _, _) = await browser.Submit("/services/unemployment-benefit/apply/employment.insuredYears", new Dictionary<string, string> { ["answer"] = "１２" });

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Theory]
    [InlineData("/services/no-such-service/apply")]
    [InlineData("/services/marriage-registration-appointment/apply")]
    [InlineData("/life-events/no-such-event/apply")]
    public async Task AFormThatDoesNotExist_IsNotFound(string url)
    {
        var browser = await People.SignInResident(app, People.NewMobile());

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get(url)).Status);
    }
}
