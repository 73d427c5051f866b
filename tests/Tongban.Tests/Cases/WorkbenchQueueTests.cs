using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Platform.Data;
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
        // Another department's case answers as one that does not exist: the same page, but for the address itself.
        var (otherStatus, otherBody, _) = await hr.Get($"/staff/cases/{allowance}");
        var (missingStatus, missingBody, _) = await hr.Get("/staff/cases/ZZZZZZZZZ");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (otherStatus, missingStatus));
        Assert.Equal(missingBody.Replace("ZZZZZZZZZ", "", StringComparison.Ordinal), otherBody.Replace(allowance, "", StringComparison.Ordinal));
        Assert.Contains("In the office", (await resident.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingByKey_ShowsEveryCaseOnce_InDeadlineOrder_EvenWhenDeadlinesAndTimesTie()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        var resident = await People.Resident(app, mobile);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var made = new List<Case>();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 120; i++)
            {
                // Groups of 30 share a deadline and a submission time (a life event makes such cases), so the page
                // boundary at 50 falls inside a group and only the reference decides the order there.
                made.Add(new Case
                {
                    Id = Guid.NewGuid(),
                    Reference = CaseReference.New(),
                    ServiceCode = "temporary-assistance",
                    ResidentId = resident.Id,
                    DraftId = Guid.NewGuid(),
                    Channel = Channel.Online,
                    SubmittedAt = now.AddMinutes(-(i / 30)),
                    TimeLimitWorkingDays = 10,
                    // A year away, so that these come after the cases other tests of this class look for on the first page.
                    DueOn = DateOnly.FromDateTime(now).AddDays(365 + (i / 30)),
                    Status = CaseStatus.InProgress,
                    Version = 2,
                    FormVersion = "000000000000",
                    AnswersJson = "{}",
                });
            }

            db.Cases.AddRange(made);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var civil = await People.SignInStaff(app, "officer.civil");
        var seen = new List<string>();
        var url = "/staff?service=temporary-assistance";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var (status, html, _) = await civil.Get(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("120 cases", html, StringComparison.Ordinal);
            seen.AddRange(Regex.Matches(html, "href=\"/staff/cases/([^\"]+)\"").Select(m => m.Groups[1].Value));
            var next = Regex.Match(html, "href=\"(/staff[?][^\"]*after=[^\"#]+)#queue\"");
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        var expected = made.OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(c => c.Reference).ToList();
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.ToHashSet(), seen.ToHashSet());
        Assert.Equal(made.Select(c => c.DueOn).Order(), seen.Select(r => made.Single(c => c.Reference == r).DueOn));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task BadFilters_AreIgnoredOrRefusedPolitely_NeverA500()
    {
        var civil = await People.SignInStaff(app, "officer.civil");

        foreach (var url in new[] { "/staff?status=Nonsense", "/staff?dueWithin=-5", "/staff?page=-1", "/staff?after=not.a.cursor", "/staff?after=20260101.99999999999999999999.X", "/staff?assisted=maybe", "/staff?service=%3Cscript%3E", "/staff/cases/not-a-reference" })
        {
            var (status, html, _) = await civil.Get(url);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {status}");
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        }
    }
}
