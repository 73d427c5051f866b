using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Audit;

public sealed class AuditTrailTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly Actor Clerk = new(ActorKind.Staff, Guid.NewGuid(), "陈晓雯", "Counter", "consent:F-2026-0001");

    private async Task<Guid> ResidentWithRecords(int count)
    {
        var residentId = Guid.NewGuid();
        await using var scope = app.Scope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.Record(residentId, Clerk, i % 2 == 0 ? AuditAction.Viewed : AuditAction.Changed, "Profile", TestContext.Current.CancellationToken);
        }

        return residentId;
    }

    private async Task<int?> FirstBreak(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().FirstBreak(residentId, TestContext.Current.CancellationToken);
    }

    private async Task Tamper(Func<AppDbContext, Task> change)
    {
        await using var scope = app.Scope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task AnUntouchedTrail_IsIntact_AndNumberedInOrder()
    {
        var residentId = await ResidentWithRecords(5);

        Assert.Null(await FirstBreak(residentId));
        await using var scope = app.Scope();
        var records = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.Where(r => r.ResidentId == residentId).OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Sequence));
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task TheResidentsOwnActions_AreNotRecorded()
    {
        var residentId = Guid.NewGuid();
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(residentId, Actor.Self(residentId), AuditAction.Changed, "Profile", TestContext.Current.CancellationToken);

        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AnyAsync(r => r.ResidentId == residentId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AlteringARecord_IsDetected()
    {
        var residentId = await ResidentWithRecords(5);

        await Tamper(db => db.AuditRecords.Where(r => r.ResidentId == residentId && r.Sequence == 3)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ActorName, "nobody"), TestContext.Current.CancellationToken));

        Assert.Equal(3, await FirstBreak(residentId));
    }

    [Fact]
    public async Task AlteringARecord_AndItsHash_IsDetectedAtTheNextOne()
    {
        var residentId = await ResidentWithRecords(5);

        await Tamper(db => db.AuditRecords.Where(r => r.ResidentId == residentId && r.Sequence == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Hash, new string('0', 64)), TestContext.Current.CancellationToken));

        Assert.Equal(2, await FirstBreak(residentId));
    }

    [Fact]
    public async Task DeletingARecordInTheMiddle_IsDetected()
    {
        var residentId = await ResidentWithRecords(5);

        await Tamper(db => db.AuditRecords.Where(r => r.ResidentId == residentId && r.Sequence == 2).ExecuteDeleteAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, await FirstBreak(residentId));
    }

    [Fact]
    public async Task DeletingTheNewestRecord_IsDetected()
    {
        var residentId = await ResidentWithRecords(4);

        await Tamper(db => db.AuditRecords.Where(r => r.ResidentId == residentId && r.Sequence == 4).ExecuteDeleteAsync(TestContext.Current.CancellationToken));

        Assert.Equal(4, await FirstBreak(residentId));
    }

    [Fact]
    public async Task ManyAppendsAtOnce_KeepOneUnbrokenChain()
    {
        var residentId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(residentId, Clerk, AuditAction.Viewed, "Profile", TestContext.Current.CancellationToken);
        }));

        Assert.Null(await FirstBreak(residentId));
        await using var check = app.Scope();
        Assert.Equal(20, await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(r => r.ResidentId == residentId, TestContext.Current.CancellationToken));
    }
}
