using Microsoft.AspNetCore.Localization;
using Tongban.Platform.Web;

namespace Tongban.Platform.Localization;

public static class LanguageSwitch
{
    /// <summary>
    /// <c>GET /language/{culture}?returnUrl=</c>: a plain link (works without JavaScript) that remembers
    /// the choice for a year and goes back to the page the visitor was on.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{culture}", async (string culture, string? returnUrl, HttpContext http, IEnumerable<ILanguageChoice> listeners) =>
        {
            var chosen = LocalizationSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is not null)
            {
                http.Response.Cookies.Append(
                    LocalizationSetup.CookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    PreferenceCookie.Options(http));
                foreach (var listener in listeners)
                {
                    await listener.Chosen(http, chosen.Name, http.RequestAborted);
                }
            }

            return Results.LocalRedirect(SafeReturnUrl.Of(returnUrl));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
