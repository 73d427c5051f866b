namespace Tongban.Platform.Web;

public static class SafeReturnUrl
{
    /// <summary>
    /// The given path if it stays on this site, else "/": an open redirect would let a phishing link
    /// borrow the city's address.
    /// </summary>
    public static string Of(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/')
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    /// <summary>The current page as a return address for settings links.</summary>
    public static string Here(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Path + http.Request.QueryString;
    }
}
