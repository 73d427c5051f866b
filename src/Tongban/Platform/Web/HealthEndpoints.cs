using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Tongban.Platform.Web;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Ready means: the database answers, this node's clock agrees with it (<see cref="Data.ClockSkewCheck"/>), and the node is not stopping (<see cref="Draining"/>).</summary>
    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<Draining>();
        services.AddHostedService(sp => sp.GetRequiredService<Draining>());
        services.AddHealthChecks()
            .AddDbContextCheck<Data.AppDbContext>("database", tags: [ReadyTag])
            .AddCheck<Data.ClockSkewCheck>("clock", tags: [ReadyTag])
            .AddCheck<Draining>("draining", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: it can also reach its database, and is not stopping.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
