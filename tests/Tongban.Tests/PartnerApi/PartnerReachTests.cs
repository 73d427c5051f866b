using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>Whom a partner reaches: its applications by age band and district, small groups never shown.</summary>
public sealed class PartnerReachTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task ApplicationsThroughAPartner_AreCountedByAgeAndDistrict_AndALoneSmallGroupHidesTheNextToo()
    {
        var partner = await PartnerClient.Register(app, "reach-partner", nameEn: "Silver Wallet");
        for (var i = 0; i < 10; i++)
        {
            await ApplyThrough(partner, born: new DateOnly(1955, 3, 1), district: "futian");
        }

        var analyst = await People.SignInStaff(app, "analyst");
        var (status, html, _) = await analyst.Get("/staff/partners/reach");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Silver Wallet", html, StringComparison.Ordinal);
        Assert.Contains("10 applications in all.", html, StringComparison.Ordinal);
        Assert.Matches(@"65[–-]74</th>\s*<td>10</td>", html);
        Assert.Matches(@"Futian[^<]*</th>\s*<td>10</td>", html);

        // One more, from Nanshan: a group of one is not shown, and neither is Futian, or subtracting would give it back.
        await ApplyThrough(partner, born: new DateOnly(1990, 1, 1), district: "nanshan");
        (_, html, _) = await analyst.Get("/staff/partners/reach");
        Assert.Contains("11 applications in all.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Futian[^<]*</th>\s*<td>10</td>", html);
        Assert.DoesNotMatch(@"Nanshan[^<]*</th>\s*<td>1</td>", html);
        Assert.DoesNotMatch(@"65[–-]74</th>\s*<td>10</td>", html); // likewise by age: 25–34 holds one
        Assert.Contains("fewer than 10: not shown", html, StringComparison.Ordinal);

        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/staff/partners/reach")).Status);
    }

    /// <summary>A resident (born, living, and agreeing to be counted as given) applies through the partner's API.</summary>
    private async Task ApplyThrough(PartnerClient partner, DateOnly born, string district)
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var resident = await People.Resident(app, mobile);
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.Where(r => r.Id == resident.Id).ExecuteUpdateAsync(
                u => u.SetProperty(r => r.DateOfBirth, born).SetProperty(r => r.DistrictCode, district).SetProperty(r => r.StatisticsConsent, true), TestContext.Current.CancellationToken);
        }

        var access = await partner.AccessFor(her, "applications.write");
        var application = await partner.FillIn(access, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var id = application.GetProperty("id").GetString();
        var (sent, _) = await partner.Api(HttpMethod.Post, $"/api/v1/me/applications/{id}/submit", access, null);
        Assert.Equal(HttpStatusCode.OK, sent);
    }
}
