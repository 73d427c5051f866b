namespace Tongban.Platform.Web;

/// <summary>
/// The cookie options for a visitor's remembered preferences (language, elder mode): a year long, never
/// readable by script, sent on ordinary links from other sites, and exempt from consent because the
/// preference is the visitor's own choice.
/// </summary>
public static class PreferenceCookie
{
    public static CookieOptions Options(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true };
    }
}
