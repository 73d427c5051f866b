namespace Tongban.Platform.Email;

public static class EmailSetup
{
    /// <summary>
    /// The SMTP sender when <c>Email:Smtp:Host</c> is set. Without it there is no email channel: residents
    /// who prefer email are written to on their next way instead (SMS, letter), never silently dropped.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Email:Smtp").Get<SmtpSettings>() ?? new SmtpSettings();
        if (!string.IsNullOrWhiteSpace(settings.Host))
        {
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(settings));
        }

        return services;
    }
}
