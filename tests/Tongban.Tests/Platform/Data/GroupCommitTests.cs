using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>
/// The group commit that answers and submissions are written through, on the real database: what waits together is
/// committed together, a bad item fails alone, nothing queued is dropped, and the writer carries nothing of the
/// request that happened to start it.
/// </summary>
public sealed class GroupCommitTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly AsyncLocal<string?> RequestState = new();

    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private readonly TaskCompletionSource _firstGroupTaken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstGroupMayGo = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<int> _groupSizes = [];
    private readonly List<string?> _stateSeenByWriter = [];

    [Fact]
    public async Task WritesWaitingTogether_ShareOneCommit_AndEachIsAnsweredOnceCommitted()
    {
        await using var commit = Commit();
        var first = commit.Write(0, Ct); // the writer holds this group until told
        await _firstGroupTaken.Task;
        var waiting = Enumerable.Range(1, 20).Select(i => commit.Write(i, Ct)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        _firstGroupMayGo.SetResult();
        var answers = await Task.WhenAll([first, .. waiting]);

        Assert.Equal(Enumerable.Range(0, 21).Select(i => i * 10), answers);
        Assert.Equal([1, 20], _groupSizes);
        Assert.Equal(Enumerable.Range(0, 21).Select(Key), await Written());
    }

    [Fact]
    public async Task OneBadWrite_FailsAlone_AndTheOthersInItsGroupAreCommitted()
    {
        await using var commit = Commit();
        var first = commit.Write(0, Ct);
        await _firstGroupTaken.Task;
        var waiting = new[] { 1, 2, Poison, 4, 5 }.Select(i => commit.Write(i, Ct)).ToList();

        _firstGroupMayGo.SetResult();
        await first;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting[2]);
        Assert.Contains("poison", refused.Message, StringComparison.Ordinal);
        var others = await Task.WhenAll(waiting.Where((_, i) => i != 2));
        Assert.Equal([10, 20, 40, 50], others);
        Assert.Equal(new[] { 0, 1, 2, 4, 5 }.Select(Key), await Written());
    }

    [Fact]
    public async Task WithTheDatabaseAway_AGroupFailsAtOnce_NotOneWriteAfterAnother()
    {
        await using var commit = Commit();
        var first = commit.Write(0, Ct);
        await _firstGroupTaken.Task;
        var waiting = new[] { 1, 2, Away, 4 }.Select(i => commit.Write(i, Ct)).ToList();

        _firstGroupMayGo.SetResult();
        await first;

        foreach (var w in waiting)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => w); // the page says "come back in a few minutes"
        }

        Assert.Equal([1, 4], _groupSizes); // each written alone would have waited for the database four times over
    }

    [Fact]
    public async Task AWriteWhoseRequestGaveUp_IsStillWritten()
    {
        await using var commit = Commit();
        var first = commit.Write(0, Ct);
        await _firstGroupTaken.Task;
        using var gaveUp = new CancellationTokenSource();
        var abandoned = commit.Write(1, gaveUp.Token);
        await gaveUp.CancelAsync(); // the resident closed the page while the database was busy

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        _firstGroupMayGo.SetResult();
        await first;
        await commit.DisposeAsync(); // waits for what was queued, as the app's shutdown does

        Assert.Equal([Key(0), Key(1)], await Written());
        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.Write(2, Ct));
    }

    [Fact]
    public async Task TheWriter_CarriesNothingOfTheRequestThatStartedIt()
    {
        await using var commit = Commit();
        _firstGroupMayGo.SetResult();
        RequestState.Value = "the first request's culture, trace and HttpContext";

        await commit.Write(0, Ct);
        RequestState.Value = null;
        await commit.Write(1, Ct);

        Assert.Equal([null, null], _stateSeenByWriter);
    }

    private const int Poison = -1;

    /// <summary>An item whose group finds the database away (as a connection timing out).</summary>
    private const int Away = -2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Key(int item) => $"group-commit-test:{_run}:{item}";

    /// <summary>Writes a key-lock row per item; the first group waits for the test, the poison item throws, and so does the database away.</summary>
    private GroupCommit<int, int> Commit() => new($"test-{_run}", app.Services.GetRequiredService<IServiceScopeFactory>(), async (services, items, cancellationToken) =>
    {
        lock (_stateSeenByWriter)
        {
            _stateSeenByWriter.Add(RequestState.Value);
            _groupSizes.Add(items.Count);
        }

        _firstGroupTaken.TrySetResult();
        await _firstGroupMayGo.Task;
        if (items.Contains(Away))
        {
            throw new TimeoutException("the database did not answer");
        }

        if (items.Contains(Poison))
        {
            throw new InvalidOperationException("poison: this item cannot be written");
        }

        var db = services.GetRequiredService<AppDbContext>();
        db.Set<KeyLock>().AddRange(items.Select(i => new KeyLock { Key = Key(i) }));
        await db.SaveChangesAsync(cancellationToken);
        return [.. items.Select(i => i * 10)];
    }, app.Services.GetRequiredService<IMeterFactory>(), NullLogger.Instance);

    private async Task<List<string>> Written()
    {
        await using var scope = app.Scope();
        var prefix = $"group-commit-test:{_run}:";
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<KeyLock>().AsNoTracking()
            .Where(k => k.Key.StartsWith(prefix)).Select(k => k.Key).ToListAsync(Ct);
        return [.. keys.OrderBy(k => int.Parse(k[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))];
    }
}
