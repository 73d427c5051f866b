namespace Tongban.Residents.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// The HTTP real-name service when <c>RealName:Service:Url</c> is set; else, in Development, the development
    /// register. In Production without one, ID numbers are proven only at a counter or by post (the profile says so).
    /// </summary>
    public static IServiceCollection AddIdentityProof(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var service = configuration.GetSection("RealName:Service");
        if (!string.IsNullOrWhiteSpace(service["Url"]))
        {
            services.Configure<RealNameServiceOptions>(service);
            services.AddHttpClient<IRealNameCheck, HttpRealNameCheck>(c => c.Timeout = TimeSpan.FromSeconds(10));
        }
        else if (environment.IsDevelopment())
        {
            services.AddSingleton<DevelopmentRealNameRegister>();
            services.AddSingleton<IRealNameCheck>(sp => sp.GetRequiredService<DevelopmentRealNameRegister>());
        }

        services.AddScoped<VerifyIdNumber>();
        services.AddScoped<BindProvenIdNumber>();
        services.AddScoped<ResolveIdentityDispute>();
        services.AddScoped<ReadBackCode>();
        return services;
    }
}
