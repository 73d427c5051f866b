namespace Tongban.Platform.Data;

/// <summary>
/// Brings the schema up to date before the app serves (EF Core takes a database lock, so several nodes may start
/// together), then starts the recurring jobs.
/// </summary>
internal sealed class MigrateOnStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        var (jobs, clock) = (scope.ServiceProvider.GetRequiredService<Jobs.JobScheduler>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        await RefreshSqliteStatistics.ScheduleNow(db, jobs, clock, cancellationToken);
        await Applications.RecordAbandonedDrafts.ScheduleNow(db, jobs, clock, cancellationToken);
        await Audit.Anchor.AnchorAuditTrail.ScheduleNow(db, jobs, clock, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
