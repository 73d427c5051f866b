namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Which addresses a partner may have its messages sent to: absolute HTTPS, no user name or password in it, no fragment.
/// Plain HTTP only where <c>Partners:Webhooks:AllowHttp</c> says so (Development and the tests' local receivers).
/// </summary>
public static class WebhookAddress
{
    public const int MaxLength = 500;

    /// <returns>Null when the address will do; otherwise why not (a key of the shared resource).</returns>
    public static string? Problem(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Give the full address messages are sent to, starting with https://.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "Messages are only sent over HTTPS.";
        }

        return uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 ? "The address may not hold a user name, a password or a fragment (#)." : null;
    }
}
