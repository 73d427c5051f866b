using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Jobs;

/// <summary>
/// Runs the jobs that are due. Each is claimed with one conditional UPDATE, so that of two nodes polling at
/// once only one runs it; a claim lapses after <see cref="ClaimFor"/>, so work of a node that died is redone.
/// A failing job is retried with growing pauses and its error kept for operators.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunner> logger, IMeterFactory meters)
{
    public const string MeterName = "Tongban.Jobs";
    private readonly Histogram<double> _ran = meters.Create(MeterName).CreateHistogram<double>(
        "tongban.jobs.run.duration", "s", "One run of a background job on this node, by kind and outcome (done, again later, failed).");

    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private const int Batch = 20;

    /// <summary>This process, in the claims it writes.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Runs every job due now; returns how many this node ran.</summary>
    public async Task<int> RunDue(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.Jobs.AsNoTracking().Where(j => j.DoneAt == null && j.RunAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
                .OrderBy(j => j.RunAt).Select(j => j.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        var ran = 0;
        foreach (var id in due)
        {
            if (await RunOne(id, now, cancellationToken))
            {
                ran++;
            }
        }

        return ran;
    }

    private async Task<bool> RunOne(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var claimed = await db.Jobs.Where(j => j.Id == id && j.DoneAt == null && j.RunAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LockedUntil, now + ClaimFor).SetProperty(j => j.LockedBy, Node), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind);
        try
        {
            var next = handler is null
                ? throw new InvalidOperationException($"No handler for jobs of kind '{job.Kind}'.")
                : await handler.Run(job.Subject, cancellationToken);
            await Release(db, job, next, next is null ? now : null, 0, null, cancellationToken);
            Record(job.Kind, next is null ? "done" : "again", started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {Kind} {Subject} failed (attempt {Attempt})", job.Kind, job.Subject, job.Attempts + 1);
            var retryAt = now + Backoff(job.Attempts + 1);
            await Release(db, job, retryAt, null, job.Attempts + 1, e.Message, cancellationToken);
            Record(job.Kind, "failed", started);
        }

        return true;
    }

    private void Record(string kind, string outcome, long started) =>
        _ran.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts - 1, 6))));

    private static async Task Release(AppDbContext db, Job job, DateTime? runAt, DateTime? doneAt, int attempts, string? error, CancellationToken cancellationToken)
    {
        var message = error is { Length: > 500 } ? error[..500] : error;
        var released = await db.Jobs.Where(j => j.Id == job.Id && j.LockedBy == job.LockedBy && j.RunAt == job.RunAt)
            .ExecuteUpdateAsync(
                u => u.SetProperty(j => j.LockedUntil, (DateTime?)null)
                    .SetProperty(j => j.RunAt, runAt ?? job.RunAt)
                    .SetProperty(j => j.DoneAt, doneAt)
                    .SetProperty(j => j.Attempts, attempts)
                    .SetProperty(j => j.LastError, message),
                cancellationToken);
        if (released == 0)
        {
            // Rescheduled while it ran (the work itself set a new deadline): the new time wins; only let go.
            await db.Jobs.Where(j => j.Id == job.Id && j.LockedBy == job.LockedBy)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken);
        }
    }
}
