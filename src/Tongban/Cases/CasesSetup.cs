using Tongban.Cases.Alerts;
using Tongban.Cases.Deadlines;
using Tongban.Cases.Log;
using Tongban.Cases.Queue;
using Tongban.Platform.Jobs;

namespace Tongban.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddSingleton<Platform.Telemetry.IOperationsFigure, CasesPastTimeLimit>()
        .AddScoped<ListDepartmentCases>()
        .AddScoped<DepartmentOverview>()
        .AddScoped<OpenCase>()
        .AddScoped<AppendCaseAction>()
        .AddScoped<KeepAnswerDocuments>()
        .AddScoped<CaseDeadlines>()
        .AddScoped<AlertStaff>()
        .AddScoped<ReadStaffAlert>()
        .AddCaseChangeReaction<CaseDeadlines>()
        .AddCaseChangeReaction<AlertStaff>()
        .AddScoped<IJobHandler, CheckCaseDeadline>();

    /// <summary>Makes the scope's <typeparamref name="T"/> follow every case change (see <see cref="ICaseChangeReaction"/>).</summary>
    public static IServiceCollection AddCaseChangeReaction<T>(this IServiceCollection services)
        where T : class, ICaseChangeReaction =>
        services.AddScoped<ICaseChangeReaction>(provider => provider.GetRequiredService<T>());
}
