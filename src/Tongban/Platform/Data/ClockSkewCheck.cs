using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tongban.Platform.Data;

/// <summary>
/// On several nodes, a node whose clock has drifted from the others would open cases with wrong time limits, expire
/// sign-in codes early or late, and take over jobs another node still holds. Each readiness check compares this
/// node's clock with the database's (PostgreSQL's <c>now()</c>, halfway through the round trip); beyond
/// <c>Lifecycle:MaxClockSkewSeconds</c> the node is not ready, so the load balancer takes it out until NTP puts it
/// right. On SQLite there is one node, and nothing to drift from.
/// </summary>
internal sealed class ClockSkewCheck(AppDbContext db, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            return HealthCheckResult.Healthy();
        }

        var before = clock.GetUtcNow();
        var database = await db.Database.SqlQuery<DateTime>($"SELECT now() AS \"Value\"").SingleAsync(cancellationToken);
        var after = clock.GetUtcNow();
        var skew = (before + ((after - before) / 2)).UtcDateTime - DateTime.SpecifyKind(database, DateTimeKind.Utc);
        var tolerated = TimeSpan.FromSeconds(configuration.GetValue("Lifecycle:MaxClockSkewSeconds", 5.0));
        return skew.Duration() <= tolerated
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This node's clock is {skew.TotalSeconds:F1} s off the database's (at most {tolerated.TotalSeconds:F0} s tolerated).");
    }
}
