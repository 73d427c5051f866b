using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Entitlements;
using Tongban.Insights;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>Take-up of what the city offers, counted by the observatory like every other measure: by group, and per service.</summary>
public sealed class TakeUpTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OffersTakenUp_AreCountedByAgeBand_ForTheCity_AndForTheEntitlementsService()
    {
        var residents = new List<Tongban.Residents.Resident>();
        for (var i = 0; i < 12; i++)
        {
            residents.Add(await CityResidents.Add(app, age: 85, countable: true, district: "guangming"));
        }

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<FindEntitlements>().Run("daily", Ct);
        }

        foreach (var her in residents.Take(9))
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.ResidentId == her.Id && o.ServiceCode == "elderly-allowance", Ct);
            await scope.ServiceProvider.GetRequiredService<AnswerOffer>().Handle(offer.Id, her.Id, OfferAnswer.Accept, Actor.Self(her.Id), Ct);
        }

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<RefreshInsights>().Handle(Ct);
            var read = scope.ServiceProvider.GetRequiredService<ReadInsights>();

            // The city: twelve senior cards granted, nine of twelve allowances accepted.
            var city = await read.Table(Measure.OffersTakenUp, "district", InsightCounter.TwelveMonths, Ct);
            var guangming = Assert.Single(city.Rows, r => r.Group == "guangming");
            Assert.Equal((24, 21.0 / 24), (guangming.Count, guangming.Value));

            // The allowance alone, as its department sees it.
            var service = await read.Table(Measure.OffersTakenUp, "district", InsightCounter.TwelveMonths, "civil-affairs", "elderly-allowance", Ct);
            var row = Assert.Single(service.Rows, r => r.Group == "guangming");
            Assert.Equal((12, 9.0 / 12), (row.Count, row.Value));
        }
    }
}
