namespace Tongban.Platform.Web;

/// <summary>
/// Elder mode (长辈模式): larger text and targets, higher contrast, fewer items per page, plainer pages.
/// Remembered in a cookie so that it works without JavaScript and without signing in.
/// </summary>
public static class ElderMode
{
    public const string CookieName = ".Tongban.ElderMode";

    public static bool IsOn(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies[CookieName] == "1";
    }

    /// <summary>How many items a list shows: fewer in elder mode, so that each is easier to find and tap.</summary>
    public static int PageSize(HttpContext http, int normal, int elder) => IsOn(http) ? elder : normal;

    /// <summary><c>GET /settings/elder-mode?on=true|false&amp;returnUrl=</c> switches and goes back; without <c>on</c> the page explains the choice.</summary>
    public static IEndpointRouteBuilder MapElderModeSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/settings/elder-mode/{state:regex(^(on|off)$)}", (string state, string? returnUrl, HttpContext http) =>
        {
            var options = PreferenceCookie.Options(http);
            if (state == "on")
            {
                http.Response.Cookies.Append(CookieName, "1", options);
            }
            else
            {
                http.Response.Cookies.Delete(CookieName, options);
            }

            return Results.LocalRedirect(SafeReturnUrl.Of(returnUrl));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
