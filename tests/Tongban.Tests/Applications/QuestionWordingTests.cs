using System.Net;
using System.Text.RegularExpressions;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>
/// Questions as people expect them: no date of birth asked when the ID number holds it (and no contradiction accepted),
/// dates in the order of the page's language, personal fields with their autocomplete purpose (WCAG 1.3.5).
/// </summary>
public sealed partial class ApplicationTests
{
    private const string Allowance = "/services/elderly-allowance/apply";

    [Fact]
    public async Task TheDateOfBirth_IsTakenFromTheIdNumber_AndAContradictionIsRefused()
    {
        var browser = await People.SignInResident(app, People.NewMobile());
        var (_, _, first) = await browser.Get(Allowance);
        Assert.Equal($"{Allowance}/applicant.fullName", first!.OriginalString);
        Assert.Contains("autocomplete=\"name\"", (await browser.Get(first.OriginalString)).Html, StringComparison.Ordinal);
        await browser.Submit(first.OriginalString, Answer("王秀英"));
        var (_, _, next) = await browser.Submit($"{Allowance}/applicant.idNumber", Answer("440304194005010024"));
        Assert.Equal($"{Allowance}/applicant.residency", next!.OriginalString); // not asked for the date of birth

        var check = await AnswerAll(browser, Allowance, new(ElderlyAllowance) { ["applicant.address"] = Answer("福田区福中三路1号") });
        var (_, checkPage, _) = await browser.Get(check);
        Assert.Contains("May 1, 1940", checkPage, StringComparison.Ordinal);
        Assert.Contains("from the ID number given", checkPage, StringComparison.Ordinal);

        var (status, html, _) = await browser.Submit($"{Allowance}/applicant.dateOfBirth?change=true", new Dictionary<string, string> { ["day"] = "2", ["month"] = "5", ["year"] = "1940" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This is not the date of birth in the ID number given (Wednesday, May 1, 1940)", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2\"", html, StringComparison.Ordinal); // what she typed is still there

        // A new ID number brings its own date of birth with it: the two never disagree.
        await browser.Submit($"{Allowance}/applicant.idNumber?change=true", Answer(People.IdNumberBornOn(new DateOnly(1941, 6, 2))));
        Assert.Contains("June 2, 1941", (await browser.Get(check)).Html, StringComparison.Ordinal);
    }

    /// <summary>A date of birth she typed herself is not overwritten by an ID number that says otherwise: she is asked to check both.</summary>
    [Fact]
    public async Task AnIdNumberContradictingTheDateOfBirthSheTyped_IsRefused()
    {
        const string School = "/services/primary-school-place/apply";
        var browser = await People.SignInResident(app, People.NewMobile());
        await browser.Get(School);
        var born = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8)).AddYears(-6);
        var (status, _, _) = await browser.Submit($"{School}/child.dateOfBirth", new Dictionary<string, string>
        {
            ["day"] = $"{born.Day}",
            ["month"] = $"{born.Month}",
            ["year"] = $"{born.Year}",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);

        var (refused, html, _) = await browser.Submit($"{School}/child.idNumber", Answer(People.IdNumberBornOn(born.AddDays(-1))));
        Assert.Equal(HttpStatusCode.OK, refused);
        Assert.Contains("Check both and correct the one that is wrong.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Submit($"{School}/child.idNumber", Answer(People.IdNumberBornOn(born)))).Status);
    }

    [Theory]
    [InlineData("zh-CN", "year", "month", "day")]
    [InlineData("en", "day", "month", "year")]
    public async Task DateFields_FollowTheOrderPeopleWriteDatesIn_AndCarryTheBirthdayPurpose(string language, string first, string second, string third)
    {
        var browser = await People.SignInResident(app, People.NewMobile(), language);
        await browser.Get(Allowance);
        var (_, html, _) = await browser.Get($"{Allowance}/applicant.dateOfBirth");
        var order = Regex.Matches(html, "id=\"answer-(day|month|year)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([first, second, third], order);
        Assert.Contains("autocomplete=\"bday-year\"", html, StringComparison.Ordinal);
    }

    /// <summary>A son answering for his mother is asked about "the applicant", and his browser is not invited to fill in his own details.</summary>
    [Fact]
    public async Task SomeoneAnsweringForHer_IsAskedAboutTheApplicant_AndOfferedNoneOfTheirOwnDetails()
    {
        var (_, son, _) = await MotherAndSonActingForHer();
        await son.Get(Allowance);
        var (_, name, _) = await son.Get($"{Allowance}/applicant.fullName");
        Assert.Contains("The applicant&#x27;s full name", name, StringComparison.Ordinal);
        Assert.DoesNotContain("Your full name", name, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"off\"", name, StringComparison.Ordinal);
        var (_, other, _) = await son.Get($"{Allowance}/bank.accountNumber");
        Assert.Contains("means the applicant, not you", other, StringComparison.Ordinal);
    }
}
