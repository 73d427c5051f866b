namespace Tongban.Platform.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// The queue, the runner and, unless <c>Jobs:Run</c> is false (tests drive the runner by hand), a loop
    /// that polls every <c>Jobs:PollSeconds</c> (default 10). Every node may run the loop.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<JobScheduler>();
        services.AddScoped<Data.RefreshSqliteStatistics>();
        services.AddScoped<IJobHandler>(sp => sp.GetRequiredService<Data.RefreshSqliteStatistics>());
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<Data.RefreshSqliteStatistics>());
        services.AddSingleton<JobRunner>();
        services.AddSingleton<Telemetry.IOperationsFigure, JobsWaiting>();
        services.AddSingleton<Telemetry.IOperationsFigure, JobsFailing>();
        if (configuration.GetValue("Jobs:Run", true))
        {
            var poll = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:PollSeconds", 10)));
            services.AddHostedService(sp => new JobLoop(sp.GetRequiredService<JobRunner>(), poll, sp.GetRequiredService<ILogger<JobLoop>>()));
        }

        return services;
    }
}

internal sealed class JobLoop(JobRunner runner, TimeSpan poll, ILogger<JobLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(poll);
        do
        {
            try
            {
                await runner.RunDue(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; the jobs wait in it and the next tick tries again.
                logger.LogWarning(e, "Running due jobs failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
