using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tongban.Platform.Web;

/// <summary>
/// A node told to stop (SIGTERM) first says so: <c>/health/ready</c> answers 503 at once while the node goes on
/// serving for <c>Lifecycle:DrainSeconds</c>, so that a load balancer checking readiness sends nothing new to it;
/// only then does the server stop listening and finish the requests in flight.
/// </summary>
internal sealed class Draining(IHostApplicationLifetime lifetime, IConfiguration configuration) : IHostedLifecycleService, IHealthCheck
{
    private readonly TimeSpan _drain = TimeSpan.FromSeconds(configuration.GetValue("Lifecycle:DrainSeconds", 0.0));
    private volatile bool _stopping;

    // "Stopping" comes before any service stops, the web server included; the host's shutdown timeout still bounds it.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_drain > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(_drain, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout came first.
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("This node is stopping.") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // SIGTERM signals "stopping" to the application before the host stops its services.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _stopping = true);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
