namespace Tongban.Platform.Sms;

public static class SmsSetup
{
    /// <summary>
    /// The HTTP gateway when <c>Sms:Gateway:Url</c> is set; otherwise, in Development only, the visible
    /// development inbox. Production without a gateway fails at start rather than losing codes silently.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var gateway = configuration.GetSection("Sms:Gateway");
        if (!string.IsNullOrWhiteSpace(gateway["Url"]))
        {
            services.Configure<SmsGatewayOptions>(gateway);
            services.AddHttpClient<ISmsSender, HttpSmsGateway>(c => c.Timeout = TimeSpan.FromSeconds(10));
        }
        else if (environment.IsDevelopment())
        {
            services.AddSingleton<DevelopmentSmsInbox>();
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<DevelopmentSmsInbox>());
        }
        else
        {
            throw new InvalidOperationException("No SMS gateway: set Sms:Gateway:Url and Sms:Gateway:Key (the development inbox exists only in Development).");
        }

        return services;
    }
}
