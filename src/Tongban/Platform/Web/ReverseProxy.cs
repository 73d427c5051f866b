using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tongban.Platform.Web;

/// <summary>
/// Behind a load balancer every request arrives from the balancer. The client's address and scheme are taken from
/// X-Forwarded-For and X-Forwarded-Proto only when the request comes from a proxy listed in
/// <c>ReverseProxy:KnownProxies</c> (addresses) or <c>ReverseProxy:KnownNetworks</c> (CIDR): anyone else could
/// write those headers to dodge the per-address limits. The host is never taken from a header.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // One proxy in front: the last address it appends is the client's.
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>
    /// Outside Development every page needs HTTPS (its cookies are Secure): a plain-HTTP page request is sent to the
    /// same address over HTTPS, anything else is refused with 400, rather than failing deep inside antiforgery.
    /// </summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.IsHttps || http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                await next(http);
                return;
            }

            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.Redirect($"https://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", permanent: true, preserveMethod: true);
                return;
            }

            http.Request.Body = Stream.Null;
            http.Request.ContentType = null;
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        });
}
