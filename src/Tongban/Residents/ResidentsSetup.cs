using Tongban.Residents.SignIn;

namespace Tongban.Residents;

public static class ResidentsSetup
{
    public static IServiceCollection AddResidents(this IServiceCollection services)
    {
        services.AddScoped<RequestSignInCode>();
        services.AddScoped<VerifySignInCode>();
        return services;
    }
}
