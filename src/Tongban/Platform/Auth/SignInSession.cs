using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Platform.Data;

namespace Tongban.Platform.Auth;

/// <summary>
/// One sign-in on one device, resident's or staff's. Its cookie names it; signing out ends it here, so a copied
/// cookie stops working at once on every node, and no sign-in outlives <see cref="AbsoluteLifetime"/> however
/// busy she keeps it (the cookie's 30 minutes slide; this does not).
/// </summary>
public sealed class SignInSession
{
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder) => builder.HasIndex(s => s.AccountId);
}

public static class SignInSessions
{
    /// <summary>The session the cookie belongs to.</summary>
    public const string SessionClaim = "tongban:session";

    /// <summary>Starts a session for the account and signs the principal in with it.</summary>
    public static async Task SignInWithSession(this HttpContext http, string scheme, ClaimsPrincipal principal, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(principal);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var session = new SignInSession { Id = Guid.NewGuid(), AccountId = accountId, StartedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        db.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        await http.SignInAsync(scheme, principal);
    }

    /// <summary>Ends the session of the cookie on this request, then removes the cookie.</summary>
    public static async Task SignOutOfSession(this HttpContext http, string scheme)
    {
        ArgumentNullException.ThrowIfNull(http);
        var signedIn = await http.AuthenticateAsync(scheme);
        if (Guid.TryParse(signedIn.Principal?.FindFirstValue(SessionClaim), out var id))
        {
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await http.RequestServices.GetRequiredService<AppDbContext>().Set<SignInSession>()
                .Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), CancellationToken.None);
        }

        await http.SignOutAsync(scheme);
    }

    /// <summary>
    /// Keeps a cookie only while its session is live and younger than the absolute lifetime, and its account still
    /// has the stamp the cookie was issued with ("sign out everywhere", a deactivated account). One query, on every
    /// request, so it takes effect at once on every node.
    /// </summary>
    /// <param name="context">The cookie being validated.</param>
    /// <param name="isLive">
    /// Whether an account with this id and stamp may still sign in and holds this session, started after the given
    /// time and not ended: a query compiled once (<c>EF.CompileAsyncQuery</c>), as it runs on every signed-in request
    /// (ADR 0034).
    /// </param>
    public static async Task RejectUnlessLive(CookieValidatePrincipalContext context, Func<AppDbContext, Guid, string, Guid, DateTime, CancellationToken, Task<bool>> isLive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(isLive);
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(AuthSetup.StampClaim);
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var since = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - SignInSession.AbsoluteLifetime;
        bool live;
        try
        {
            live = principal?.Id() is { } id && stamp is not null && Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId)
                && await isLive(db, id, stamp, sessionId, since, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseAway.Is(e))
        {
            // Unchecked, the cookie counts for nothing on this request, but stays: she is still signed in when the
            // database is back. The request then fails with the page saying the service is being restored.
            context.RejectPrincipal();
            DatabaseAway.Notice(context.HttpContext, e);
            return;
        }

        if (!live)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
