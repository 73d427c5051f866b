using System.Net;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Which addresses a partner may have its messages sent to: absolute HTTPS on the internet, no user name or password in
/// it, no fragment. A partner must not be able to make the city's servers call into the city's own network (SSRF):
/// <c>localhost</c> and private, loopback and link-local addresses are refused here, and again when connecting, where
/// the name is resolved (see <see cref="PublicOnly"/>). <c>Partners:Webhooks:AllowLocal</c> lifts both, with plain
/// HTTP, for Development and the tests' local receivers.
/// </summary>
public static class WebhookAddress
{
    public const int MaxLength = 500;

    /// <returns>Null when the address will do; otherwise why not (a key of the shared resource).</returns>
    public static string? Problem(string? url, bool allowLocal)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Give the full address messages are sent to, starting with https://.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowLocal && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "Messages are only sent over HTTPS.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "The address may not hold a user name, a password or a fragment (#).";
        }

        var local = uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && !IsPublic(ip));
        return local && !allowLocal ? "The address must be reachable on the internet." : null;
    }

    /// <summary>Whether an address is on the public internet: not loopback, private, shared (CGNAT), link-local, unspecified or multicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc);
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            100 => v4[1] is < 64 or > 127,
            169 => v4[1] != 254,
            172 => v4[1] is < 16 or > 31,
            192 => v4[1] != 168,
            >= 224 => false,
            _ => true,
        };
    }

    /// <summary>
    /// Connects only to public addresses of the host, checked after the name is resolved, so that a name pointing (or
    /// later re-pointed) into a private network is refused as well.
    /// </summary>
    public static async ValueTask<Stream> PublicOnly(System.Net.Http.SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = (await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken)).Where(IsPublic).ToArray();
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} is not an address on the internet");
        }

        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
