namespace Tongban.Partners;

public static class PartnersSetup
{
    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PartnerOptions>(configuration.GetSection(PartnerOptions.Section));
        services.AddScoped<CheckPartnerLaunch>();
        services.AddSingleton<PartnerChannel>();
        return services;
    }
}
