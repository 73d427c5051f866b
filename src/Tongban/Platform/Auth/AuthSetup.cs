using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Tongban.Platform.Data;

namespace Tongban.Platform.Auth;

public static class AuthSetup
{
    /// <summary>The cookie scheme residents sign in with (staff get their own in a later step).</summary>
    public const string ResidentScheme = "Resident";

    /// <summary>Policy for pages that show or change a resident's own data.</summary>
    public const string ResidentPolicy = "Resident";

    public static IServiceCollection AddTongbanAuth(this IServiceCollection services, IHostEnvironment environment)
    {
        // Keys in the database: every node can read every other node's cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("Tongban").PersistKeysToDbContext<AppDbContext>();
        services.AddAuthentication(ResidentScheme).AddCookie(ResidentScheme, o =>
        {
            o.Cookie.Name = ".Tongban.Resident";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/sign-in";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(ResidentPolicy, p => p
            .AddAuthenticationSchemes(ResidentScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimTypes.NameIdentifier));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Tongban.Antiforgery";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    public static Guid? ResidentId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}
