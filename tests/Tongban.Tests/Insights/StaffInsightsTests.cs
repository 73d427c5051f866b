using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Insights;

/// <summary>The staff side: a head sees her department's gaps and where people give up on its forms, an analyst any department or the city.</summary>
public sealed class StaffInsightsTests(SeededCityInProcess app) : IClassFixture<SeededCityInProcess>
{
    [Fact]
    public async Task AHead_SeesHerDepartmentsGaps_AndWherePeopleGiveUp_ButNoOtherDepartment()
    {
        var head = await People.SignInStaff(app, "head.civil");
        var (status, html, _) = await head.Get("/staff/insights");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Who is left behind: Shenzhen Civil Affairs Bureau", html, StringComparison.Ordinal);
        Assert.Contains("Where people give up online", html, StringComparison.Ordinal);
        var pages = Regex.Matches(html, @"<td data-label=""Page"">([^<]+)</td>\s*<td data-label=""Gave up there"">(\d+|fewer than 10)</td>");
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.DoesNotContain(".", p.Groups[1].Value.TrimEnd('?', '.'), StringComparison.Ordinal)); // a question as she read it, not its id
        Assert.DoesNotContain("<option value=\"human-resources\"", html, StringComparison.Ordinal); // no choice of department

        Assert.Equal(HttpStatusCode.Forbidden, (await head.Get("/staff/insights?department=human-resources")).Status);
        Assert.Equal(HttpStatusCode.OK, (await head.Get("/staff/insights?department=civil-affairs&measure=breaches&by=channel")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Get("/staff/insights?measure=happiness")).Status);
    }

    [Fact]
    public async Task AHead_SeesOneOfHerServices_WhoseCountsAddUpToHerDepartments()
    {
        var catalogue = await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);
        var civil = catalogue.Department("civil-affairs")!;
        var services = catalogue.Services.Where(s => s.DepartmentId == civil.Id).ToList();
        var other = catalogue.Services.First(s => s.DepartmentId != civil.Id);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cells = await db.InsightCells.AsNoTracking().Where(c => c.Department == civil.Code && c.Dimension == "age").ToListAsync(TestContext.Current.CancellationToken);
            foreach (var group in cells.Where(c => c.Service is null))
            {
                var ofServices = cells.Where(c => c.Service is not null && c.Group == group.Group).ToList();
                Assert.Equal(group.Cases, ofServices.Sum(c => c.Cases));
                Assert.Equal(group.DraftsStarted, ofServices.Sum(c => c.DraftsStarted));
            }

            Assert.Subset(services.Select(s => s.Code).ToHashSet(), cells.Where(c => c.Service is not null).Select(c => c.Service!).ToHashSet());
        }

        var busiest = services.First();
        var head = await People.SignInStaff(app, "head.civil");
        var (status, html, _) = await head.Get($"/staff/insights?service={busiest.Code}&measure=approval-rate&by=hukou");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Who is left behind: {System.Text.Encodings.Web.HtmlEncoder.Default.Encode(busiest.Name.En)}", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{busiest.Code}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{other.Code}\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await head.Get($"/staff/insights?service={other.Code}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await head.Get("/staff/insights?service=unicorn-licence")).Status);
        var analyst = await People.SignInStaff(app, "analyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.Get($"/staff/insights?service={other.Code}")).Status); // its department follows
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Get($"/staff/insights?department=civil-affairs&service={other.Code}")).Status);
    }

    [Fact]
    public async Task AnAnalyst_SeesTheCityOrAnyDepartment_WithGapsWiderThanTheirThreshold()
    {
        var analyst = await People.SignInStaff(app, "analyst");
        var (_, city, _) = await analyst.Get("/staff/insights");
        Assert.Contains("Who is left behind: the whole city", city, StringComparison.Ordinal);
        // In the seeded city the oldest are far less online than the youngest: wider than the 30-point threshold.
        Assert.Matches(@"Applications sent online, by Age:</strong>\s*75 and over [\d.]+ %, against Aged [\d–]+ [\d.]+ %: a gap of [\d.]+ % \(alert above 30.0 %\)", city);

        var (status, department, _) = await analyst.Get("/staff/insights?department=human-resources&measure=online-take-up&by=age");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Who is left behind: Shenzhen Human Resources and Social Security Bureau", department, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Get("/staff/insights?department=ministry-of-magic")).Status);
    }

    [Fact]
    public async Task OtherStaff_AndResidents_AreRefused()
    {
        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/staff/insights")).Status);
        var resident = await People.SignInResident(app, People.NewMobile());
        Assert.NotEqual(HttpStatusCode.OK, (await resident.Get("/staff/insights")).Status);
    }
}
