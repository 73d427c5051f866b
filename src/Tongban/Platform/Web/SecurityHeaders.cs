namespace Tongban.Platform.Web;

/// <summary>
/// Headers that keep pages from being framed, sniffed or scripted from elsewhere. The CSP allows no
/// inline script or style at all: the portal needs no JavaScript, and its CSS is one file.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string FormTargetKey = "Tongban.SecurityHeaders.FormTarget";

    /// <summary>
    /// Lets this page's form lead on to <paramref name="address"/>'s origin: Chromium applies <c>form-action</c> to the
    /// redirect after a post too, so the consent screen's answer could not otherwise return to the partner.
    /// </summary>
    public static void AllowFormRedirectTo(HttpContext http, Uri address)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(address);
        http.Items[FormTargetKey] = address.GetLeftPart(UriPartial.Authority);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Items[FormTargetKey] is string origin
                    ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(http);
        });
}
