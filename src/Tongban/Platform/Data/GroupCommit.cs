using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Tongban.Platform.Data;

/// <summary>
/// Writes what many requests ask at once in one transaction (group commit): a request queues its item and waits; one
/// writer takes every item queued meanwhile, writes them together with <c>write</c> and one commit, and answers each.
/// Alone, an item is written at once; under load, the commits that SQLite's single writer (or PostgreSQL's log flush)
/// would have made one after another become one. Items of one batch are written in the order they came, so two writes
/// to the same row (a double click) follow each other instead of conflicting. A conflict with another node re-reads
/// and writes the batch again; an item that fails is retried alone, so that it cannot fail the others (unless the
/// database is away: then the group fails at once). Nothing is acknowledged before it is committed.
/// </summary>
/// <typeparam name="TItem">What a request asks to write.</typeparam>
/// <typeparam name="TResult">What it is told once committed.</typeparam>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    /// <summary>Enough to empty the queue of a busy node in one commit, few enough for one round trip.</summary>
    public const int MaxBatch = 128;

    /// <summary>Items written per commit, tagged with the writer's name: above 1 when commits are being shared.</summary>
    public const string BatchSize = "tongban.data.group_commit.size";

    private const int Attempts = 5;

    private readonly IServiceScopeFactory _scopes;
    private readonly Func<IServiceProvider, IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> _write;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;
    private readonly Histogram<int> _batchSizes;
    private readonly KeyValuePair<string, object?> _name;

    /// <param name="name">What is written (<c>answers</c>), the tag of its measurements.</param>
    /// <param name="scopes">A scope (and its <see cref="AppDbContext"/>) per attempt.</param>
    /// <param name="write">Given the attempt's scope, applies the items, in order, and saves them in one transaction; returns each item's result.</param>
    /// <param name="meters">Where the batch sizes are published (meter <c>Tongban.Data</c>).</param>
    /// <param name="logger">Where a failed batch is told.</param>
    public GroupCommit(string name, IServiceScopeFactory scopes, Func<IServiceProvider, IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> write, IMeterFactory meters, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _scopes = scopes;
        _write = write;
        _logger = logger;
        _writer = new Lazy<Task>(StartWriter);
        _batchSizes = meters.Create(SqliteWriteGate.MeterName).CreateHistogram<int>(BatchSize, "{item}", "Items written in one commit by a group commit: above 1 when requests share commits.");
        _name = new("writer", name);
    }

    /// <summary>Queues <paramref name="item"/> and answers once it is committed (or has failed). A request that gives up waiting does not take it back.</summary>
    public Task<TResult> Write(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is stopping: nothing more is written.");
        }

        _ = _writer.Value;
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>At shutdown: what was queued is still written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    /// <summary>
    /// Without the execution context of the request that happened to start it: the writer outlives that request, and
    /// must not hold its culture, its trace (every later batch would be a span of it) or its <c>HttpContext</c>.
    /// </summary>
    private Task StartWriter()
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(WriteWhatComes);
        }
    }

    private async Task WriteWhatComes()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatch(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatch(List<Pending> batch)
    {
        try
        {
            var results = await WriteWithRetries([.. batch.Select(p => p.Item)]);
            _batchSizes.Record(batch.Count, _name);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.SetResult(results[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1 && !DatabaseAway.Is(e))
        {
            _logger.LogWarning(e, "A group of {Count} writes failed; writing each alone.", batch.Count);
            foreach (var pending in batch)
            {
                await WriteBatch([pending]);
            }
        }
        catch (Exception e)
        {
            // Alone, or with the database away: then each written alone would only wait as long again, one after
            // another, while the queue behind them grows; the whole group is told at once.
            foreach (var pending in batch)
            {
                pending.Done.SetException(e);
            }
        }
    }

    private async Task<TResult[]> WriteWithRetries(IReadOnlyList<TItem> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = _scopes.CreateAsyncScope();
            try
            {
                // Not the request's token: once queued, an item is written even if the one who asked has gone.
                return await _write(scope.ServiceProvider, items, CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another node wrote one of the rows meanwhile: read them again.
            }
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
