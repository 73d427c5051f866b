using Tongban.Cases.Staff;

namespace Tongban.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services.AddScoped<ListDepartmentCases>();
}
