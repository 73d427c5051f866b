using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Jobs;

namespace Tongban.Platform.Audit;

public static class AuditSetup
{
    /// <summary>The "who acted for me" trail, and the Merkle log that anchors it outside the database's reach (Anchor/).</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AnchorKey>();
        services.AddSingleton<AuditHeadFile>();
        services.AddScoped<AuditTreeStore>();
        services.AddScoped<VerifyTrail>();
        services.AddScoped<AnchorAuditTrail>();
        services.AddScoped<CheckAuditAnchor>();
        services.AddScoped<IJobHandler>(sp => sp.GetRequiredService<AnchorAuditTrail>());
        services.AddScoped<IJobHandler>(sp => sp.GetRequiredService<CheckAuditAnchor>());
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<AnchorAuditTrail>());
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<CheckAuditAnchor>());
        return services;
    }
}
