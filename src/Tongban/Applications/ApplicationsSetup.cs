namespace Tongban.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<StartApplication>();
        services.AddScoped<KeepAnswersInProfile>();
        services.AddSingleton<SaveAnswer>();
        services.AddSingleton<SendDrafts>();
        services.AddScoped<ChooseServices>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<Reapplying.EarlierCases>();
        services.AddSingleton<RecordFormStep>();
        services.AddHostedService<FlushFormStepsAtStop>();
        services.AddScoped<StoreUpload>();
        services.AddSingleton<SubmissionMetrics>();
        services.AddScoped<RecordAbandonedDrafts>();
        services.AddScoped<Platform.Jobs.IJobHandler>(sp => sp.GetRequiredService<RecordAbandonedDrafts>());
        services.AddScoped<Platform.Jobs.IRecurringJob>(sp => sp.GetRequiredService<RecordAbandonedDrafts>());
        return services;
    }
}
