using Tongban.Cases.Deadlines;
using Tongban.Cases.Log;
using Tongban.Cases.Staff;
using Tongban.Platform.Jobs;

namespace Tongban.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddScoped<ListDepartmentCases>()
        .AddScoped<DepartmentOverview>()
        .AddScoped<AppendCaseAction>()
        .AddScoped<CaseDeadlines>()
        .AddScoped<IJobHandler, CheckCaseDeadline>();
}
