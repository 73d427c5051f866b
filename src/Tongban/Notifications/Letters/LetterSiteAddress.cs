namespace Tongban.Notifications.Letters;

/// <summary>
/// The address printed on letters and in their QR codes: where residents reach Tongban. In Production it must be
/// configured (<c>Letters:SiteUrl</c>) and public, since the address a request came by may be a proxy's, and a letter
/// saying "localhost" sends her nowhere; in Development the request's own address will do.
/// </summary>
public static class LetterSiteAddress
{
    public const string Setting = "Letters:SiteUrl";

    /// <summary>The address to print, or null when letters must not be printed until one is configured.</summary>
    public static string? For(string? configured, bool isDevelopment, string requestAddress)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return isDevelopment ? requestAddress : null;
        }

        return isDevelopment || IsPublic(configured) ? configured.Trim() : null;
    }

    private static bool IsPublic(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !uri.IsLoopback
        && uri.Host is not ("0.0.0.0" or "[::]")
        && uri.Host.Contains('.', StringComparison.Ordinal);
}
