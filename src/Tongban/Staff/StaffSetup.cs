using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Staff.Demo;
using Tongban.Staff.SignIn;

namespace Tongban.Staff;

public static class StaffSetup
{
    /// <summary>Whether the staff member is active, the cookie's session live and the stamp unchanged (<see cref="SignInSessions.RejectUnlessLive"/>).</summary>
    private static readonly Func<AppDbContext, Guid, string, Guid, DateTime, CancellationToken, Task<bool>> LiveSession = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, string stamp, Guid session, DateTime since, CancellationToken cancellationToken) => db.Set<StaffMember>().Any(m => m.Id == id && m.Active && m.SecurityStamp == stamp
            && db.Set<SignInSession>().Any(s => s.Id == session && s.AccountId == m.Id && s.EndedAt == null && s.StartedAt > since)));

    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPasswordHasher<StaffMember>, PasswordHasher<StaffMember>>();
        services.AddScoped<CheckStaffPassword>();
        services.AddScoped<CheckStaffTotp>();
        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.AddOptions<CookieAuthenticationOptions>(AuthSetup.StaffScheme).Configure(o => o.Events.OnValidatePrincipal = context =>
            SignInSessions.RejectUnlessLive(context, LiveSession));
        if (configuration.GetValue("Demo:StaffAccounts", false))
        {
            services.AddHostedService<SeedDemoStaffOnStart>();
        }

        return services;
    }
}
