namespace Tongban.Applications;

/// <summary>
/// At a graceful stop, once the server has finished the requests in flight, writes the form steps still waiting in
/// memory: by the time the container disposes <see cref="RecordFormStep"/> it can no longer open a database scope.
/// </summary>
internal sealed class FlushFormStepsAtStop(RecordFormStep steps) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => steps.Flush();
}
