using System.Net;
using Tongban.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cases;

public sealed class WorkbenchQueueTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["applicant.fullName"] = "李桂兰",
        ["applicant.idNumber"] = "440304194005010024",
        ["applicant.residency"] = "hukou",
        ["applicant.address"] = "福田区福中三路1号",
        ["applicant.dateOfBirth"] = "1940-05-01",
        ["bank.accountNumber"] = "6222000011112222",
    };

    private static Task<string> Apply(FormClient resident, string service) => Applying.Apply(resident, service, Answers);

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
}
