using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Telemetry;

namespace Tongban.Platform.Jobs;

/// <summary>Jobs due and not claimed: when it grows, the nodes do not keep up (or none runs the job loop).</summary>
internal sealed class JobsWaiting : IOperationsFigure
{
    public string Name => "tongban.jobs.waiting";

    public string Unit => "{job}";

    public string Description => "Background jobs due and not yet claimed by any node.";

    public Task<long> Read(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.Jobs.LongCountAsync(j => j.DoneAt == null && j.RunAt <= now && (j.LockedUntil == null || j.LockedUntil < now), cancellationToken);
}

/// <summary>Jobs whose last run failed and that wait to be tried again (their error is on the operators' workbench).</summary>
internal sealed class JobsFailing : IOperationsFigure
{
    public string Name => "tongban.jobs.failing";

    public string Unit => "{job}";

    public string Description => "Background jobs whose last attempt failed, waiting for their next.";

    public Task<long> Read(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.Jobs.LongCountAsync(j => j.DoneAt == null && j.Attempts > 0, cancellationToken);
}
