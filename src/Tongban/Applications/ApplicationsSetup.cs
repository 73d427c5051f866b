namespace Tongban.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<StartApplication>();
        services.AddScoped<SaveAnswer>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<RecordFormStep>();
        services.AddScoped<StoreUpload>();
        services.AddSingleton<SubmissionMetrics>();
        services.AddScoped<Platform.Jobs.IJobHandler, RecordAbandonedDrafts>();
        return services;
    }
}
