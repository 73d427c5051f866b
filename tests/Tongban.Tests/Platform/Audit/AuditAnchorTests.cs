using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Audit;

/// <summary>
/// The trail against an insider: a database administrator who edits an entry and redoes the chain, deletes a whole
/// trail, or rolls the tail back with its head. Each scenario gets its own app and database, since each breaks it.
/// </summary>
public sealed class AuditAnchorTests
{
    private static readonly Actor Clerk = new(ActorKind.Staff, Guid.NewGuid(), "陈晓雯", Channel.Counter, "consent:F-2026-0009");

    private static async Task<TongbanApp> NewApp()
    {
        var app = new TongbanApp();
        await app.InitializeAsync();
        _ = app.Services;
        return app;
    }

    private static async Task<Guid> Records(TongbanApp app, int count, Guid? residentId = null)
    {
        var id = residentId ?? Guid.NewGuid();
        await using var scope = app.Scope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.Record(id, Clerk, AuditAction.Viewed, AuditSubject.Profile, TestContext.Current.CancellationToken);
        }

        return id;
    }

    private static async Task<T> With<T>(TongbanApp app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Scope();
        return await use(scope.ServiceProvider);
    }

    private static Task<TrailVerdict> Verdict(TongbanApp app, Guid residentId) =>
        With(app, async s => (await s.GetRequiredService<VerifyTrail>().Handle(residentId, TestContext.Current.CancellationToken)).Verdict);

    private static Task<AuditAnchorCheck> FullCheck(TongbanApp app) =>
        With(app, s => s.GetRequiredService<CheckAuditAnchor>().Handle(TestContext.Current.CancellationToken));

    [Fact]
    public async Task AnHonestTrail_IsIntactOnceAnchored_AndItsHeadVerifiesWithThePublishedKeyAlone()
    {
        await using var app = await NewApp();
        var her = await Records(app, 3);
        await Records(app, 5);
        Assert.Equal(TrailVerdict.NotYetPublished, await Verdict(app, her));

        await app.AnchorAuditTrail();

        Assert.Equal(TrailVerdict.Intact, await Verdict(app, her));
        Assert.Null((await FullCheck(app)).Problem);
        // A verifier outside the city: the key and the head from the public endpoint, checked with the platform's ECDSA.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var published = JsonDocument.Parse(await client.GetStringAsync(new Uri("/transparency/audit", UriKind.Relative), TestContext.Current.CancellationToken));
        var head = published.RootElement.GetProperty("heads")[0];
        using var key = ECDsa.Create();
        key.ImportFromPem(published.RootElement.GetProperty("publicKey").GetString());
        var signed = System.Text.Encoding.UTF8.GetBytes($"tongban-audit-tree-head\n{head.GetProperty("size").GetInt64()}\n{head.GetProperty("root").GetString()}\n{head.GetProperty("signedAt").GetDateTime():yyyy-MM-ddTHH:mm:ss.fffZ}");
        Assert.Equal(8, head.GetProperty("size").GetInt64());
        Assert.True(key.VerifyData(signed, Convert.FromBase64String(head.GetProperty("signature").GetString()!), HashAlgorithmName.SHA256));
        Assert.Contains("\"size\":8", await File.ReadAllTextAsync(app.PublishedHeadsPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachNewHead_ExtendsTheLastOne_AsAConsistencyProofShows()
    {
        await using var app = await NewApp();
        await Records(app, 5);
        await app.AnchorAuditTrail();
        await Records(app, 9);
        await app.AnchorAuditTrail();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var proof = JsonDocument.Parse(await client.GetStringAsync(new Uri("/transparency/audit/consistency?from=5&to=14", UriKind.Relative), TestContext.Current.CancellationToken));
        var heads = await With(app, s => s.GetRequiredService<AppDbContext>().AuditTreeHeads.AsNoTracking().OrderBy(h => h.Size).ToListAsync(TestContext.Current.CancellationToken));
        var path = proof.RootElement.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();

        Assert.Equal([5L, 14L], heads.Select(h => h.Size));
        Assert.True(MerkleTree.VerifyConsistency(5, 14, heads[0].Root, heads[1].Root, path));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/transparency/audit/consistency?from=6&to=14", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AnEntryEdited_AndTheChainRedone_PassesTheChainButNotTheLog()
    {
        await using var app = await NewApp();
        var her = await Records(app, 4);
        await app.AnchorAuditTrail();

        // The insider makes entry 2 name someone else, and recomputes every hash after it and her head, as the chain does.
        await With(app, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var records = await db.AuditRecords.Where(r => r.ResidentId == her).OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            records[1].ActorName = "王五";
            var previous = records[0].Hash;
            foreach (var record in records.Skip(1))
            {
                record.PreviousHash = previous;
                record.Hash = previous = AuditTrail.HashOf(record);
            }

            await db.AuditHeads.Where(h => h.ResidentId == her).ExecuteUpdateAsync(u => u.SetProperty(h => h.LastHash, previous), TestContext.Current.CancellationToken);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.Null(await With(app, s => s.GetRequiredService<AuditTrail>().FirstBreak(her, TestContext.Current.CancellationToken)));
        Assert.Equal(TrailVerdict.Unconfirmed, await Verdict(app, her));
        Assert.Contains("changed after it was published", (await FullCheck(app)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeTrailDeleted_IsSeenByTheCheck_AndEveryPageStopsSayingIntact()
    {
        await using var app = await NewApp();
        var her = await Records(app, 3);
        var other = await Records(app, 2);
        await app.AnchorAuditTrail();

        await With(app, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await db.AuditRecords.Where(r => r.ResidentId == her).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            return await db.AuditHeads.Where(h => h.ResidentId == her).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        });

        Assert.NotNull((await FullCheck(app)).Problem);
        Assert.Equal(TrailVerdict.Unconfirmed, await Verdict(app, her));
        Assert.Equal(TrailVerdict.Unconfirmed, await Verdict(app, other));
    }

    [Fact]
    public async Task TheTailRolledBackWithItsHead_IsSeenAgainstThePublishedFile()
    {
        await using var app = await NewApp();
        await Records(app, 4);
        await app.AnchorAuditTrail();
        var her = await Records(app, 3);
        await app.AnchorAuditTrail();

        // Back to the database as it was at size 4: her entries, the newer head and its nodes all gone, consistently.
        await With(app, async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await db.AuditRecords.Where(r => r.ResidentId == her).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AuditHeads.Where(h => h.ResidentId == her).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AuditTreeHeads.Where(h => h.Size > 4).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            var nodes = await db.AuditTreeNodes.ToListAsync(TestContext.Current.CancellationToken);
            db.AuditTreeNodes.RemoveRange(nodes.Where(n => (n.Index + 1) << n.Level > 4));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("rolled back", (await FullCheck(app)).Problem, StringComparison.Ordinal);
    }
}
