using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Tongban.Platform.Auth;
using Tongban.Staff.Demo;
using Tongban.Staff.SignIn;

namespace Tongban.Staff;

public static class StaffSetup
{
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPasswordHasher<StaffMember>, PasswordHasher<StaffMember>>();
        services.AddScoped<CheckStaffPassword>();
        services.AddScoped<CheckStaffTotp>();
        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.AddOptions<CookieAuthenticationOptions>(AuthSetup.StaffScheme).Configure(o => o.Events.OnValidatePrincipal = context =>
            SignInSessions.RejectUnlessLive(context, (db, id, stamp) => db.StaffMembers.Where(s => s.Id == id && s.Active && s.SecurityStamp == stamp).Select(s => s.Id)));
        if (configuration.GetValue("Demo:StaffAccounts", false))
        {
            services.AddHostedService<SeedDemoStaffOnStart>();
        }

        return services;
    }
}
