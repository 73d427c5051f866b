namespace Tongban.Partners;

public static class PartnersSetup
{
    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartnerOptions>().Bind(configuration.GetSection(PartnerOptions.Section))
            .Validate(o => o.CodesAreValid(), $"Partners:Apps: each partner's code must be 1–{PartnerOptions.CodeMaxLength} lower-case letters, digits or hyphens.")
            .ValidateOnStart();
        services.AddScoped<CheckPartnerLaunch>();
        services.AddSingleton<PartnerChannel>();
        return services;
    }
}
