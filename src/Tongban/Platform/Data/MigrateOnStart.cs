namespace Tongban.Platform.Data;

/// <summary>Brings the schema up to date before the app serves (EF Core takes a database lock, so several nodes may start together).</summary>
internal sealed class MigrateOnStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
