using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue.Import;
using Tongban.Entitlements;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>A rule that throws for some residents: they are logged and counted, and the job goes on with everyone else.</summary>
public sealed class FaultyEntitlementTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARuleThatThrowsForOneResident_LeavesHerOut_AndTheJobGoesOnWithTheOthersAndTheOtherEntitlements()
    {
        using var copy = new CatalogueCopy();
        // Divides by zero at exactly 80: valid to the import, it fails only when run.
        copy.Edit("services/civil-affairs.json", f => CatalogueCopy.Service(f, "elderly-allowance")["entitlement"]!["who"] =
            "a.Age(\"profile.dateOfBirth\") / (a.Age(\"profile.dateOfBirth\") - 80) >= 0 && a.Is(\"profile.residency\", \"hukou\")");
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportCatalogue>().Handle(copy.Folder, Ct);
        }

        var eighty = await CityResidents.Add(app, age: 80);
        var older = await CityResidents.Add(app, age: 85);
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<FindEntitlements>().Run("daily", Ct);
        }

        await using (var scope = app.Scope())
        {
            var offers = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Offers.AsNoTracking()
                .Where(o => o.ResidentId == eighty.Id || o.ResidentId == older.Id).ToListAsync(Ct);
            Assert.DoesNotContain(offers, o => o.ResidentId == eighty.Id && o.ServiceCode == "elderly-allowance");
            Assert.Contains(offers, o => o.ResidentId == eighty.Id && o.ServiceCode == "senior-citizen-card" && o.Status == OfferStatus.Granted);
            Assert.Contains(offers, o => o.ResidentId == older.Id && o.ServiceCode == "elderly-allowance" && o.Status == OfferStatus.Invited);
        }
    }
}
