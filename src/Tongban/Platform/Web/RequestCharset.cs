using Microsoft.Net.Http.Headers;

namespace Tongban.Platform.Web;

/// <summary>
/// Every form and JSON body Tongban takes is UTF-8 (or plain ASCII, its subset). A body declaring another charset
/// (utf-7 was tried by an attacker) is answered 415 before anything reads it. The body is dropped as well, so the
/// error page, re-executed on the same request, does not trip over it again.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseUtf8Bodies(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentType is { } type && !IsUtf8(type))
            {
                http.Request.Body = Stream.Null;
                http.Request.ContentType = null;
                http.Request.ContentLength = 0;
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            await next(http);
        });

    private static bool IsUtf8(string contentType) =>
        !MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? false
            : parsed.Charset.Length == 0 || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                || parsed.Charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
}
