using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue;
using Tongban.Insights;
using Tongban.Insights.Seeding;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Tests.Insights;

/// <summary>The inclusion observatory on a seeded city: the city's shape, the pages, the open data and their refusals.</summary>
public sealed partial class ObservatoryTests(SeededCity app) : IClassFixture<SeededCity>
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Fetches from the real server (the fixture runs one for the Frictionless check), in <paramref name="language"/>.</summary>
    private async Task<(HttpStatusCode Status, string Html)> Get(string url, string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Site, url));
        request.Headers.Add("Cookie", $"{LocalizationSetup.CookieName}=c={language}|uic={language}");
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSeed_ShowsItsProgressAsPlainLines_AndASeedIsAlwaysTheSameCity()
    {
        Assert.Contains($"100% {SeededCity.Residents:N0}/{SeededCity.Residents:N0} residents", app.SeedOutput, StringComparison.Ordinal);
        Assert.Contains($"Seeded {SeededCity.Residents:N0} residents and", app.SeedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", app.SeedOutput, StringComparison.Ordinal); // no bar redrawn in a log

        var catalogue = await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Time.Today();
        CityBatch Draw(int seed) => new SyntheticCity(seed, catalogue, calendar, today, 5).Next(50);
        var (first, again, other) = (Draw(4), Draw(4), Draw(5));
        Assert.Equal(first.Residents.Select(r => (r.Id, r.ClaimedIdNumber, r.DistrictCode)), again.Residents.Select(r => (r.Id, r.ClaimedIdNumber, r.DistrictCode)));
        Assert.Equal(first.Cases.Select(c => (c.Reference, c.Status, c.DecidedAt)), again.Cases.Select(c => (c.Reference, c.Status, c.DecidedAt)));
        Assert.NotEqual(first.Cases.Select(c => c.Reference), other.Cases.Select(c => c.Reference));
        Assert.Equal(first.Ratings.Select(r => (r.CaseId, r.Level, r.RatedAt)), again.Ratings.Select(r => (r.CaseId, r.Level, r.RatedAt)));

        using var output = new StringWriter();
        Assert.Equal(1, await SeedCommand.Run(app.Services, ["--residents", "10"], output, TestContext.Current.CancellationToken)); // not over a city
        Assert.Equal(2, await SeedCommand.Run(app.Services, ["--residents", "lots"], output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSeededCity_IsShapedLikeShenzhen()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Seeded residents carry ID numbers of the city as a whole (area code 440300), which the demo never uses.
        var residents = await db.Residents.AsNoTracking().Where(r => r.ClaimedIdNumber!.StartsWith("440300")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SeededCity.Residents, residents.Count);
        var byDistrict = residents.GroupBy(r => r.DistrictCode).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal("baoan", byDistrict[0]); // the census's largest district (4.48 of 17.56 million)
        Assert.InRange(residents.Count(r => r.LocalHukou == true) / (double)residents.Count, 0.29, 0.38); // census: 33.4 %
        Assert.InRange(residents.Count(r => ResidentGroups.SexOf(r.ClaimedIdNumber) == "male") / (double)residents.Count, 0.52, 0.61); // 130 : 100
        Assert.InRange(residents.Count(r => ResidentGroups.AgeBand(r.DateOfBirth, app.Time.Today()) is "65-74" or "75+") / (double)residents.Count, 0.015, 0.06); // census 65+: 3.2 %
        Assert.True(await db.Cases.CountAsync(TestContext.Current.CancellationToken) > SeededCity.Residents * 4);

        // Each case is its log (an officer can act on it as on any other): as many actions as its version, the last one its status.
        var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Reference).Take(60).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var c in cases)
        {
            var log = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(c.Version, log.Count);
            Assert.Equal(c.Status switch
            {
                Tongban.Cases.CaseStatus.Approved => Tongban.Cases.Log.CaseActionKind.Approved,
                Tongban.Cases.CaseStatus.Rejected => Tongban.Cases.Log.CaseActionKind.Rejected,
                Tongban.Cases.CaseStatus.Withdrawn => Tongban.Cases.Log.CaseActionKind.Withdrawn,
                _ => Tongban.Cases.Log.CaseActionKind.Accepted,
            }, log[^1]);
        }
    }

    [Fact]
    public async Task ItsRatings_AreOfDecidedCases_AndCountedBySatisfaction_WithoutThoseAnAppealRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rated = await db.Ratings.AsNoTracking().Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r.Level, r.RatedAt, r.ServedOn, c.Channel, c.Status, c.DecidedAt, c.DueOn }).ToListAsync(ct);
        Assert.InRange(rated.Count, SeededCity.Residents, SeededCity.Residents * 3);
        Assert.All(rated, r =>
        {
            Assert.True(r.Status is Tongban.Cases.CaseStatus.Approved or Tongban.Cases.CaseStatus.Rejected);
            Assert.True(r.RatedAt >= r.DecidedAt && r.ServedOn == r.Channel, $"{r.RatedAt} {r.DecidedAt} {r.ServedOn} {r.Channel}");
        });
        // Refusals are rated worse than approvals (Seeding.CityFigures.BadReviewShare).
        double BadShare(IEnumerable<int> levels) => levels.Count(l => l <= 2) / (double)levels.Count();
        Assert.True(BadShare(rated.Where(r => r.Status == Tongban.Cases.CaseStatus.Rejected).Select(r => r.Level)) > BadShare(rated.Where(r => r.Status == Tongban.Cases.CaseStatus.Approved).Select(r => r.Level)));

        // Each bad review is answered (or still being answered) on the record, as the public ratings page counts it.
        var rectifications = await db.Rectifications.AsNoTracking().ToListAsync(ct);
        Assert.Equal(rated.Count(r => r.Level <= 2), rectifications.Count);
        Assert.InRange(rectifications.Count(r => r.OnTime) / (double)rectifications.Count(r => r.AnsweredAt != null), 0.7, 0.95);

        var refresh = scope.ServiceProvider.GetRequiredService<RefreshInsights>();
        await refresh.Handle(ct);
        async Task<(int Rated, int Bad)> City() => await db.InsightCells.AsNoTracking()
            .Where(c => c.Department == null && c.Period == InsightCounter.TwelveMonths && c.Dimension == "channel")
            .GroupBy(c => 1).Select(g => new ValueTuple<int, int>(g.Sum(c => c.Rated), g.Sum(c => c.BadReviews))).SingleAsync(ct);
        var before = await City();
        var since = Tongban.Platform.Calendar.CityTime.StartOfDayUtc(app.Time.Today().AddMonths(-12));
        Assert.Equal(await db.Ratings.CountAsync(r => r.RatedAt >= since && r.ExcludedAt == null, ct), before.Rated);

        // An upheld appeal takes a bad review out of every figure.
        var removed = await db.Ratings.Where(r => r.Level <= 2 && r.ExcludedAt == null && r.RatedAt >= since).OrderBy(r => r.Id).FirstAsync(ct);
        removed.ExcludedAt = app.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await refresh.Handle(ct);
        Assert.Equal((before.Rated - 1, before.Bad - 1), await City());

        var (status, html) = await Get("/insights/satisfaction?by=age");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ratings that were not bad reviews", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCountsAtOnce_LeaveOneSetOfCells()
    {
        // The hourly job on two nodes, or the seed command beside a running server, count the same city at the same time.
        async Task<int> Count()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<RefreshInsights>().Handle(TestContext.Current.CancellationToken);
        }

        var written = await Task.WhenAll(Count(), Count(), Count());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cells = await db.InsightCells.AsNoTracking().Select(c => new { c.Period, c.Dimension, c.Department, c.Service, c.Group }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(written.All(w => w == cells.Count), $"{string.Join(",", written)} vs {cells.Count}");
        Assert.Equal(cells.Count, cells.Distinct().Count());
    }
}
