using System.Net;
using System.Text.RegularExpressions;
using Tongban.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cases;

public sealed partial class WorkbenchQueueTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["applicant.fullName"] = "李桂兰",
        ["applicant.idNumber"] = "440304194005010024",
        ["applicant.residency"] = "hukou",
        ["applicant.address"] = "福田区福中三路1号",
        ["bank.accountNumber"] = "6222000011112222",
    };

    private static async Task<string> Apply(FormClient resident, string service)
    {
        var (_, _, location) = await resident.Get($"/services/{service}/apply");
        while (!location!.OriginalString.EndsWith("/check", StringComparison.Ordinal))
        {
            var question = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
            var fields = question == "applicant.dateOfBirth"
                ? new Dictionary<string, string> { ["day"] = "1", ["month"] = "5", ["year"] = "1940" }
                : new Dictionary<string, string> { ["answer"] = Answers[question] };
            (_, _, location) = await resident.Submit(location.OriginalString, fields);
        }

        var (_, _, done) = await resident.Submit(location.OriginalString, new Dictionary<string, string>());
        return CaseLink().Match((await resident.Get(done!.OriginalString)).Html).Groups[1].Value;
    }

    [Fact]
    public async Task OfficersSeeTheirDepartmentsCases_SoonestFirst_AndCanFilter_ButNotOtherDepartments()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        var allowance = await Apply(resident, "elderly-allowance");
        var card = await Apply(resident, "senior-citizen-card");
        var civil = await People.SignInStaff(app, "officer.civil");
        var hr = await People.SignInStaff(app, "officer.hr");

        var (_, all, _) = await civil.Get("/staff");
        var (_, filtered, _) = await civil.Get("/staff?service=elderly-allowance");
        var (_, byOthers, _) = await civil.Get("/staff?assisted=true");
        var (_, otherDepartment, _) = await hr.Get("/staff");

        Assert.Contains(CaseReference.Display(allowance), all, StringComparison.Ordinal);
        Assert.Contains(CaseReference.Display(card), all, StringComparison.Ordinal);
        Assert.True(all.IndexOf(CaseReference.Display(card), StringComparison.Ordinal) < all.IndexOf(CaseReference.Display(allowance), StringComparison.Ordinal), "the card (5 working days) is due before the allowance (20)");
        Assert.Contains(CaseReference.Display(allowance), filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseReference.Display(card), filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseReference.Display(allowance), byOthers, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseReference.Display(allowance), otherDepartment, StringComparison.Ordinal);

        var (status, page, _) = await civil.Get($"/staff/cases/{allowance}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("李桂兰", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.Get($"/staff/cases/{allowance}")).Status);
        Assert.Contains("In the office", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFilters_AreIgnoredOrRefusedPolitely_NeverA500()
    {
        var civil = await People.SignInStaff(app, "officer.civil");

        foreach (var url in new[] { "/staff?status=Nonsense", "/staff?dueWithin=-5", "/staff?page=-1", "/staff?assisted=maybe", "/staff?service=%3Cscript%3E", "/staff/cases/not-a-reference" })
        {
            var (status, html, _) = await civil.Get(url);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {status}");
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("href=\"/cases/([0-9A-Z*~$=]{9})\"")]
    private static partial Regex CaseLink();
}
