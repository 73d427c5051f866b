using Microsoft.AspNetCore.Authentication.Cookies;
using Tongban.Platform.Auth;
using Tongban.Platform.Web;
using Tongban.Residents.Access;
using Tongban.Residents.Assisted;
using Tongban.Residents.Certificates;
using Tongban.Residents.Delegations;
using Tongban.Residents.Profile;
using Tongban.Residents.SignIn;

namespace Tongban.Residents;

public static class ResidentsSetup
{
    public static IServiceCollection AddResidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestSignInCode>();
        services.AddScoped<VerifySignInCode>();
        services.AddScoped<CheckSmsCode>();
        services.AddScoped<Identity.ConfirmMobileNumber>();
        services.AddScoped<UpdateProfile>();
        services.AddScoped<Platform.Localization.ILanguageChoice, Profile.RememberLanguage>();
        services.AddScoped<FindECertificate>();
        services.AddScoped<GrantDelegation>();
        services.AddScoped<AcceptDelegation>();
        services.AddScoped<RevokeDelegation>();
        services.AddScoped<ListDelegations>();
        services.AddScoped<ActingFor>();
        services.AddScoped<IPageBanner, ActingForBanner>();
        services.AddScoped<IPageBanner, AssistedSessionBanner>();
        services.AddScoped<ResidentAccessPolicy>();
        services.AddScoped<StartAssistedSession>();
        services.AddOptions<CookieAuthenticationOptions>(AuthSetup.ResidentScheme).Configure(o => o.Events.OnValidatePrincipal = context =>
            SignInSessions.RejectUnlessLive(context, (db, id, stamp) => db.Residents.Where(r => r.Id == id && r.SecurityStamp == stamp).Select(r => r.Id)));
        if (configuration.GetValue("Demo:Certificates", false))
        {
            services.AddHostedService<SeedDemoCertificatesOnStart>();
        }

        return services;
    }
}
