using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Jobs;

namespace Tongban.Platform.Data;

/// <summary>
/// SQLite plans queries from statistics only ANALYZE gathers; without them the workbench queue sorted all of a
/// department's cases for every page (300 ms at 100,000 cases; 2 ms with them, bench/results/queue-*.md).
/// This job refreshes them at start-up and every 6 hours with a full ANALYZE (it reads every index once; a
/// sampled one, analysis_limit=1000, left the queue's plan slow). PostgreSQL keeps its own statistics
/// (autovacuum), so there it does nothing.
/// </summary>
public sealed class RefreshSqliteStatistics(AppDbContext db, TimeProvider clock) : IJobHandler, IRecurringJob
{
    public const string JobKind = "SqliteStatistics";
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        return clock.GetUtcNow().UtcDateTime + Every;
    }

    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) =>
        db.Database.IsSqlite() ? (JobKind, "database", now) : null;
}
