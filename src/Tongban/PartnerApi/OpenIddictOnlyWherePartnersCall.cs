using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Tongban.PartnerApi;

/// <summary>
/// The authentication middleware asks every request handler (OpenIddict's server and validation) whether it owns each
/// request, on every page of the portal; a profile of the search page put that at about 8 % of the server's time.
/// OpenIddict only serves its endpoints (<c>/connect/…</c>, <c>/.well-known/…</c>) and the partner API (<c>/api/…</c>),
/// so elsewhere its handlers are not asked. Other request handlers, if any are added, are always asked.
/// </summary>
internal sealed class OpenIddictOnlyWherePartnersCall(IOptions<AuthenticationOptions> options, IHttpContextAccessor http)
    : AuthenticationSchemeProvider(options)
{
    private static readonly PathString[] PartnerPaths = ["/connect", "/.well-known", "/api"];

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        return http.HttpContext is { } context && !IsPartnerPath(context.Request.Path)
            ? schemes.Where(s => s.HandlerType.Namespace?.StartsWith("OpenIddict.", StringComparison.Ordinal) != true)
            : schemes;
    }

    private static bool IsPartnerPath(PathString path) =>
        Array.Exists(PartnerPaths, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
