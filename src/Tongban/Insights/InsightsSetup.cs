using Tongban.Platform.Jobs;

namespace Tongban.Insights;

public static class InsightsSetup
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<RefreshInsights>();
        services.AddScoped<IJobHandler>(sp => sp.GetRequiredService<RefreshInsights>());
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<RefreshInsights>());
        services.AddScoped<ReadInsights>();
        services.AddScoped<GapAlerts>();
        return services;
    }
}
