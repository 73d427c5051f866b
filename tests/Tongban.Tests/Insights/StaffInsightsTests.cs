using System.Net;
using System.Text.RegularExpressions;
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
