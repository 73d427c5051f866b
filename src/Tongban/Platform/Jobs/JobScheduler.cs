using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Jobs;

/// <summary>Schedules work in the caller's unit of work: the job is saved with the change that needs it, or not at all.</summary>
public sealed class JobScheduler(AppDbContext db)
{
    public async Task Schedule(string kind, string subject, DateTime runAt, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Kind == kind && j.Subject == subject, cancellationToken);
        if (job is null)
        {
            db.Jobs.Add(new Job { Id = Guid.NewGuid(), Kind = kind, Subject = subject, RunAt = runAt });
            return;
        }

        (job.RunAt, job.DoneAt, job.Attempts, job.LastError) = (runAt, null, 0, null);
    }

    /// <summary>
    /// For a subject created in this same unit of work (a new case, a new message), which cannot have a job yet:
    /// saves the lookup, one database round trip on every submission.
    /// </summary>
    public void ScheduleForNewSubject(string kind, string subject, DateTime runAt) =>
        db.Jobs.Add(new Job { Id = Guid.NewGuid(), Kind = kind, Subject = subject, RunAt = runAt });
}
