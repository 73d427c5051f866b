using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Tongban.Platform.Audit;

namespace Tongban.Partners;

/// <summary>
/// Which partner app this browser was opened from, kept in a cookie the city signs for the rest of the
/// visit: what she does here is then recorded on the PartnerApp channel.
/// </summary>
public sealed class PartnerChannel(IDataProtectionProvider protection, IOptions<PartnerOptions> options)
{
    private const string CookieName = ".Tongban.Partner";
    private readonly IDataProtector _protector = protection.CreateProtector("Tongban.Partners.Channel");

    public void Remember(HttpContext http, string partner)
    {
        ArgumentNullException.ThrowIfNull(http);
        // No expiry: a webview's visit ends when the partner app closes it.
        http.Response.Cookies.Append(CookieName, _protector.Protect(partner),
            new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });
    }

    /// <summary>The partner's code, if this visit came from a partner app the city still works with.</summary>
    public string? Partner(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies[CookieName] is not { } cookie)
        {
            return null;
        }

        try
        {
            var partner = _protector.Unprotect(cookie);
            return options.Value.Apps.ContainsKey(partner) ? partner : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // not ours, or from keys long retired
        }
    }

    /// <summary>The actor on the channel this request came by: PartnerApp and which partner, or Online.</summary>
    public Actor OnItsChannel(HttpContext http, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var partner = Partner(http);
        return actor with { Channel = partner is null ? Channel.Online : Channel.PartnerApp, Partner = partner };
    }
}
