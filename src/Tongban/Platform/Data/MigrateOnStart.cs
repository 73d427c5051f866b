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
        var jobs = scope.ServiceProvider.GetRequiredService<Jobs.JobScheduler>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var recurring in scope.ServiceProvider.GetServices<Jobs.IRecurringJob>())
        {
            if (recurring.Schedule(db, now) is { } first)
            {
                await jobs.Schedule(first.Kind, first.Subject, first.FirstRun, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
