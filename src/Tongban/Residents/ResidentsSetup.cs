using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
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
    /// <summary>Whether her cookie's session is live and her stamp unchanged (<see cref="SignInSessions.RejectUnlessLive"/>).</summary>
    private static readonly Func<AppDbContext, Guid, string, Guid, DateTime, CancellationToken, Task<bool>> LiveSession = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, string stamp, Guid session, DateTime since, CancellationToken cancellationToken) => db.Set<Resident>().Any(r => r.Id == id && r.SecurityStamp == stamp
            && db.Set<SignInSession>().Any(s => s.Id == session && s.AccountId == r.Id && s.EndedAt == null && s.StartedAt > since)));

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
            SignInSessions.RejectUnlessLive(context, LiveSession));
        if (configuration.GetValue("Demo:Certificates", false))
        {
            services.AddHostedService<SeedDemoCertificatesOnStart>();
        }

        return services;
    }
}
