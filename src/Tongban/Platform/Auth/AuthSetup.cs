using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Tongban.Platform.Data;

namespace Tongban.Platform.Auth;

public static class AuthSetup
{
    /// <summary>The cookie scheme residents (and their proxies) sign in with.</summary>
    public const string ResidentScheme = "Resident";

    /// <summary>The cookie scheme staff sign in with, after password and TOTP.</summary>
    public const string StaffScheme = "Staff";

    /// <summary>A five-minute cookie between a staff member's right password and her TOTP code.</summary>
    public const string StaffPendingScheme = "StaffPending";

    /// <summary>Either of the two: staff when a staff cookie is present, else resident (pages both use, like the application forms).</summary>
    public const string PersonScheme = "Person";

    /// <summary>Policy for pages that residents, their proxies and staff acting for them all use.</summary>
    public const string PersonPolicy = "Person";

    /// <summary>Policy for pages that show or change a resident's own data.</summary>
    public const string ResidentPolicy = "Resident";

    /// <summary>Policy for every staff page.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>The account's security stamp when the cookie was issued; a changed stamp ends the cookie.</summary>
    public const string StampClaim = "tongban:stamp";

    public static IServiceCollection AddTongbanAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys in the database: every node can read every other node's cookies and antiforgery tokens.
        var protection = services.AddDataProtection().SetApplicationName("Tongban").PersistKeysToDbContext<AppDbContext>();
        DataProtectionKeys.ProtectAtRest(protection, configuration, environment);
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(ResidentScheme)
            .AddCookie(ResidentScheme, o => Configure(o, ".Tongban.Resident", "/sign-in", TimeSpan.FromMinutes(30), secure))
            .AddCookie(StaffScheme, o => Configure(o, ".Tongban.Staff", "/staff/sign-in", TimeSpan.FromMinutes(30), secure))
            .AddPolicyScheme(PersonScheme, "Resident or staff", o =>
                o.ForwardDefaultSelector = context => context.Request.Cookies.ContainsKey(".Tongban.Staff") ? StaffScheme : ResidentScheme)
            .AddCookie(StaffPendingScheme, o =>
            {
                Configure(o, ".Tongban.StaffPending", "/staff/sign-in", TimeSpan.FromMinutes(5), secure);
                o.SlidingExpiration = false;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ResidentPolicy, p => p.AddAuthenticationSchemes(ResidentScheme).RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier))
            .AddPolicy(PersonPolicy, p => p.AddAuthenticationSchemes(PersonScheme).RequireAuthenticatedUser())
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(StaffScheme).RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Tongban.Antiforgery";
            o.Cookie.SecurePolicy = secure;
        });
        return services;
    }

    private static void Configure(CookieAuthenticationOptions o, string name, string loginPath, TimeSpan lifetime, CookieSecurePolicy secure)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = secure;
        o.LoginPath = loginPath;
        // Refused is a plain 403 (the status page explains it in the reader's language), not a redirect
        // that a program or a screen reader would take for success.
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        o.ExpireTimeSpan = lifetime;
        o.SlidingExpiration = true;
    }

    /// <summary>The account id of the signed-in resident or member of staff.</summary>
    public static Guid? Id(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public static Guid? ResidentId(this ClaimsPrincipal user) => user.Id();

    /// <summary>
    /// The signed-in member of staff as the actor of what she does: her id, her name, her role (which the use cases check),
    /// where she acts from and by what right (<paramref name="reason"/>), as her trail records it.
    /// </summary>
    public static Audit.Actor StaffActor(this ClaimsPrincipal user, Channel channel, string reason)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(Audit.ActorKind.Staff, user.Id(), user.Identity?.Name ?? "", channel, reason) { Role = user.FindFirstValue(ClaimTypes.Role) };
    }
}
