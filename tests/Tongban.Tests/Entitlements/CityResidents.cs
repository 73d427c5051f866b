using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Entitlements;
using Tongban.Platform.Data;
using Tongban.Residents;
using Tongban.Residents.Certificates;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>Residents and certificates as the city holds them (a proven ID number, its own records), written straight to the database.</summary>
public static class CityResidents
{
    public static async Task<Resident> Add(TongbanAppWithClock app, int age, bool hukou = true, string? mobile = null, ContactChannel channel = ContactChannel.Sms, string? address = "福田区福华路1号", bool proven = true, string language = "zh-CN", AccessibilityNeeds needs = AccessibilityNeeds.None, bool countable = false, string district = "futian")
    {
        ArgumentNullException.ThrowIfNull(app);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var id = People.IdNumberBornOn(today.AddYears(-age).AddDays(-10));
        var resident = new Resident
        {
            Id = Guid.NewGuid(),
            FullName = "测试居民",
            IdNumber = proven ? id : null,
            ClaimedIdNumber = proven ? null : id,
            IdNumberProof = proven ? IdNumberProof.RealNameService : null,
            DateOfBirth = today.AddYears(-age).AddDays(-10),
            MobileNumber = mobile is null ? null : "+86" + mobile,
            LocalHukou = hukou ? true : null,
            DistrictCode = district,
            PostalAddress = address,
            StatisticsConsent = countable,
            ContactChannel = channel,
            PreferredLanguage = language,
            AccessibilityNeeds = needs,
            CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Residents.Add(resident);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return resident;
    }

    /// <summary>Makes a resident who signed in one the city knows: a proven ID number for the age, Shenzhen hukou, an address.</summary>
    public static async Task<Resident> Known(TongbanAppWithClock app, string mobile, int age)
    {
        ArgumentNullException.ThrowIfNull(app);
        var born = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddYears(-age).AddDays(-10);
        var id = People.IdNumberBornOn(born);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Residents.Where(r => r.MobileNumber == "+86" + mobile).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.IdNumber, id).SetProperty(r => r.IdNumberProof, IdNumberProof.RealNameService).SetProperty(r => r.DateOfBirth, born)
                .SetProperty(r => r.FullName, "测试居民").SetProperty(r => r.LocalHukou, true).SetProperty(r => r.PostalAddress, "福田区福华路1号").SetProperty(r => r.DistrictCode, "futian"),
            TestContext.Current.CancellationToken);
        return await People.Resident(app, mobile);
    }

    /// <summary>The daily job of proactive services, run once now.</summary>
    public static async Task RunDailyJob(TongbanApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<FindEntitlements>().Run("daily", TestContext.Current.CancellationToken);
    }

    public static async Task<List<Offer>> Offers(TongbanApp app, Guid residentId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Offers.AsNoTracking().Where(o => o.ResidentId == residentId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<ECertificate> Certificate(TongbanAppWithClock app, string kind, string holder, string? named = null, int daysAgo = 3)
    {
        ArgumentNullException.ThrowIfNull(app);
        var certificate = new ECertificate
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            HolderIdNumber = holder,
            NamedIdNumber = named,
            Number = $"T{Guid.NewGuid():N}"[..16].ToUpperInvariant(),
            IssuedBy = "深圳市测试机构",
            IssuedOn = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(-daysAgo),
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ECertificates.Add(certificate);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return certificate;
    }
}
