namespace Tongban.Platform.Jobs;

/// <summary>
/// A job that runs again and again (statistics, anchoring, daily counts). Features register theirs; the start-up
/// schedules each once per database, whatever the number of nodes, so Platform names no feature's job.
/// </summary>
public interface IRecurringJob
{
    /// <summary>The job's kind and subject, and when its first run is due, or null when it does not run here.</summary>
    (string Kind, string Subject, DateTime FirstRun)? Schedule(Data.AppDbContext db, DateTime now);
}
