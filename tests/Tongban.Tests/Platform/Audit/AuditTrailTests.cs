using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Audit;

public sealed class AuditTrailTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly Actor Clerk = new(ActorKind.Staff, Guid.NewGuid(), "陈晓雯", Channel.Counter, "consent:F-2026-0001");

    private async Task<Guid> ResidentWithRecords(int count)
    {
        var residentId = Guid.NewGuid();
        await using var scope = app.Scope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.Record(residentId, Clerk, i % 2 == 0 ? AuditAction.Viewed : AuditAction.Changed, AuditSubject.Profile, TestContext.Current.CancellationToken);
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
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(residentId, Actor.Self(residentId), AuditAction.Changed, AuditSubject.Profile, TestContext.Current.CancellationToken);

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
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(residentId, Clerk, AuditAction.Viewed, AuditSubject.Profile, TestContext.Current.CancellationToken);
        }));

        Assert.Null(await FirstBreak(residentId));
        await using var check = app.Scope();
        Assert.Equal(20, await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(r => r.ResidentId == residentId, TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// A record's hash is over a fixed encoding (a JSON array, the channel and action by name): records written
    /// before a field changed type still verify. The expected hash is computed here by hand from that encoding.
    /// </summary>
    [Fact]
    public void TheHashEncoding_IsStable()
    {
        var record = new AuditRecord
        {
            ResidentId = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001"),
            Sequence = 3,
            At = new DateTime(2026, 11, 29, 8, 30, 15, 123, DateTimeKind.Utc),
            ActorKind = ActorKind.Staff,
            ActorId = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000002"),
            ActorName = "陈晓雯",
            Channel = Channel.Counter,
            Action = AuditAction.Viewed,
            Subject = AuditSubject.Profile,
            Reason = "consent:C-1",
            PreviousHash = "ab",
            Hash = "",
        };
        const string Canonical = "[\"6f1c2a4e-0000-4000-8000-000000000001\",3,\"2026-11-29T08:30:15.123\",\"Staff\",\"6f1c2a4e-0000-4000-8000-000000000002\",\"\\u9648\\u6653\\u96EF\",\"Counter\",\"Viewed\",\"Profile\",\"consent:C-1\",\"ab\"]";

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Canonical)));

        Assert.Equal(expected, AuditTrail.HashOf(record));
    }

    [Theory]
    [InlineData("Profile")]
    [InlineData("Case:Y0N9-5SGB-7")]
    [InlineData("Letter:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("Case:Y0N9-5SGB-7:Approved")]
    public void ASubject_IsStoredAsItWasBeforeItHadAType(string stored)
    {
        var subject = AuditSubject.Parse(stored);

        Assert.Equal(stored, subject.ToString());
    }

    [Fact]
    public void ACaseSubject_KeepsTheReferenceSheReads()
    {
        Assert.Equal("Case:Y0N9-5SGB-7", AuditSubject.Case("Y0N9-5SGB-7").ToString());
        Assert.Equal("Audit.Viewed.Case", AuditSubject.Case("Y0N9-5SGB-7").TextKey(AuditAction.Viewed));
        Assert.Throws<FormatException>(() => AuditSubject.Parse("Cases:1"));
    }
}
