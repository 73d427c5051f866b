using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue.Import;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Import;

public sealed class ImportCatalogueTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private async Task<ImportReport> Import(string folder)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ImportCatalogue>().Handle(folder, TestContext.Current.CancellationToken);
    }

    private async Task<T> Query<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task ShippedCatalogue_IsImportedAtStartUp_WithTheCityWeModel()
    {
        await Import(CatalogueCopy.Shipped);

        var services = await Query(db => db.Services.Include(s => s.Department).ToListAsync());
        Assert.True(services.Count >= 40, $"{services.Count} services");
        Assert.True(services.Select(s => s.DepartmentId).Distinct().Count() >= 10);
        Assert.All(services, s => Assert.Contains(s.Channels, c => c.Channel.IsNonDigital()));
        Assert.All(services, s => Assert.False(string.IsNullOrWhiteSpace(s.Name.En) || string.IsNullOrWhiteSpace(s.Name.ZhCn)));
        Assert.Contains(services, s => s.Code == "birth-household-registration" && s.Name.ZhCn.Contains("出生", StringComparison.Ordinal));

        var districts = await Query(db => db.Districts.Include(d => d.Halls).ToListAsync());
        Assert.Equal(11, districts.Count);
        Assert.All(districts, d => Assert.NotEmpty(d.Halls));
        Assert.Equal(4_476_600, districts.Single(d => d.Code == "baoan").Population);
        Assert.InRange(districts.Sum(d => d.Population), 17_550_000, 17_570_000); // the 2020 census total is 17,560,061

        var lifeEvents = await Query(db => db.LifeEvents.ToListAsync());
        Assert.True(lifeEvents.Count >= 6);
        Assert.Equal(["maternity-registration", "birth-medical-certificate", "birth-household-registration", "newborn-medical-insurance", "vaccination-certificate", "maternity-allowance"],
            lifeEvents.Single(e => e.Code == "having-a-baby").ServiceCodes);
    }

    [Fact]
    public async Task Import_RunTwice_ChangesNothing()
    {
        await Import(CatalogueCopy.Shipped);
        var before = await Query(db => db.Services.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id));

        var report = await Import(CatalogueCopy.Shipped);

        Assert.Equal(0, report.Created);
        Assert.Equal(0, report.Updated);
        Assert.Equal(0, report.Retired);
        Assert.True(report.Unchanged > 100);
        Assert.Equal(before, await Query(db => db.Services.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id)));
    }

    [Fact]
    public async Task Import_ChangedService_IsUpdatedInPlaceAndKeepsItsId()
    {
        await Import(CatalogueCopy.Shipped);
        var id = await Query(db => db.Services.Where(s => s.Code == "elderly-allowance").Select(s => s.Id).SingleAsync());
        using var copy = new CatalogueCopy();
        copy.Edit("services/civil-affairs.json", f =>
        {
            var s = CatalogueCopy.Service(f, "elderly-allowance");
            s["name"]!["en"] = "Long-life allowance (80+)";
            s["timeLimitWorkingDays"] = 15;
            s["channels"]!.AsArray().RemoveAt(1);
        });

        var report = await Import(copy.Folder);

        Assert.Equal(new ImportReport(0, 1, report.Unchanged, 0), report);
        var service = await Query(db => db.Services.AsNoTracking().SingleAsync(s => s.Code == "elderly-allowance"));
        Assert.Equal(id, service.Id);
        Assert.Equal("Long-life allowance (80+)", service.Name.En);
        Assert.Equal(15, service.TimeLimitWorkingDays);
        Assert.DoesNotContain(service.Channels, c => c.Channel == Channel.PartnerApp);
    }

    [Fact]
    public async Task Import_ServiceRemovedFromTheCatalogue_IsRetiredNotDeleted_AndComesBackWhenRestored()
    {
        await Import(CatalogueCopy.Shipped);
        using var copy = new CatalogueCopy();
        copy.Write("services/housing.json", """{ "services": [] }""");
        foreach (var synonyms in new[] { "synonyms/en.json", "synonyms/zh-CN.json" })
        {
            copy.Edit(synonyms, f =>
            {
                foreach (var s in f["synonyms"]!.AsArray())
                {
                    var targets = s!["services"]?.AsArray();
                    var gone = targets?.FirstOrDefault(t => (string?)t == "public-rental-housing");
                    if (gone is not null)
                    {
                        targets!.Remove(gone);
                    }
                }

                var orphans = f["synonyms"]!.AsArray().Where(s => s!["services"]?.AsArray().Count == 0 && s["lifeEvents"] is null).ToList();
                foreach (var orphan in orphans)
                {
                    f["synonyms"]!.AsArray().Remove(orphan);
                }
            });
        }

        var report = await Import(copy.Folder);

        Assert.Equal(1, report.Retired);
        var retired = await Query(db => db.Services.AsNoTracking().SingleAsync(s => s.Code == "public-rental-housing"));
        Assert.NotNull(retired.RetiredAt);

        await Import(CatalogueCopy.Shipped);
        var back = await Query(db => db.Services.AsNoTracking().SingleAsync(s => s.Code == "public-rental-housing"));
        Assert.Null(back.RetiredAt);
        Assert.Equal(retired.Id, back.Id);
    }
}
