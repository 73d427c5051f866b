namespace Tongban.Platform.Web;

public static class SafeReturnUrl
{
    /// <summary>
    /// The given path if it stays on this site, else "/": an open redirect would let a phishing link borrow the
    /// city's address. Browsers drop tabs and new lines from addresses and read a backslash as a slash, so
    /// "/\t/evil.example" and "/\evil.example" would leave the site: any control character, whitespace, backslash or
    /// invisible format character (a right-to-left override disguises an address), typed or percent-encoded, is
    /// refused, as is anything that does not start with a single "/".
    /// </summary>
    public static string Of(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    public static bool IsLocal(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || returnUrl[0] != '/')
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(returnUrl);
        }
        catch (UriFormatException)
        {
            return false;
        }

        return Safe(returnUrl) && Safe(decoded);

        static bool Safe(string path) =>
            path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    /// <summary>The current page as a return address for settings links.</summary>
    public static string Here(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Path + http.Request.QueryString;
    }
}
