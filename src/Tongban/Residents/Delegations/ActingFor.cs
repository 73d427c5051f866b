using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Delegations;

/// <summary>Whom a signed-in proxy has chosen to act for, and whether she still may.</summary>
/// <param name="Delegation">The delegation she chose, whether or not it is still valid.</param>
/// <param name="GrantorName">The name to show in the "acting for" banner.</param>
/// <param name="Valid">Accepted, not revoked, not expired: checked now, on this request.</param>
public sealed record ActingState(Delegation Delegation, string GrantorName, bool Valid);

/// <summary>
/// The "acting for" switch. The cookie holds only a delegation id; every request looks the delegation
/// up again, so a revocation or an expiry takes effect on the very next page.
/// </summary>
public sealed class ActingFor(AppDbContext db, TimeProvider clock)
{
    public const string CookieName = ".Tongban.ActingFor";
    private static readonly object CacheKey = new();

    public async Task<ActingState?> Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(CacheKey, out var cached))
        {
            return (ActingState?)cached;
        }

        ActingState? state = null;
        if (context.User.Identity?.AuthenticationType == AuthSetup.ResidentScheme && context.User.Id() is { } me
            && Guid.TryParse(context.Request.Cookies[CookieName], out var delegationId))
        {
            var delegation = await db.Delegations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == delegationId && d.ProxyId == me, context.RequestAborted);
            if (delegation is not null)
            {
                var grantor = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == delegation.GrantorId, context.RequestAborted);
                state = new(delegation, ResidentName.Of(grantor), delegation.IsActive(clock.GetUtcNow().UtcDateTime));
            }
        }

        context.Items[CacheKey] = state;
        return state;
    }

    /// <summary>Whose data this request is about: the person she validly acts for, or herself.</summary>
    public async Task<Guid> SubjectId(HttpContext context)
    {
        var state = await Current(context);
        return state is { Valid: true } ? state.Delegation.GrantorId : context.User.Id() ?? throw new InvalidOperationException("Nobody is signed in.");
    }

    public static void Start(HttpResponse response, Guid delegationId) =>
        response.Cookies.Append(CookieName, delegationId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });

    public static void Stop(HttpResponse response) => response.Cookies.Delete(CookieName);
}
