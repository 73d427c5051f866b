using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi;

/// <summary>
/// <c>POST /connect/token</c>, after OpenIddict has checked the client, its secret, the code with its PKCE verifier or
/// the refresh token: what goes into the new tokens. A partner's own token (client credentials) carries the catalogue
/// scope only; a resident's consent gives what she granted and no more, as long as the consent and the partner last.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapPartnerTokens(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", Exchange).ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> Exchange(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var partner = await db.ApiPartners.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == request.ClientId, cancellationToken);
        if (partner is null)
        {
            return Refuse(Errors.InvalidClient, "This partner is no longer registered.");
        }

        if (request.IsClientCredentialsGrantType())
        {
            if (request.GetScopes().Any(s => !PartnerScopes.ForPartner.Contains(s)))
            {
                return Refuse(Errors.InvalidScope, $"A partner's own token carries only '{string.Join("' and '", PartnerScopes.ForPartner)}'; a resident's data needs her consent (authorization code).");
            }

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, partner.ClientId).SetClaim(Claims.Name, partner.NameEn);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has checked the code or refresh token, and that its consent was not withdrawn.
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is not { } principal || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var residentId)
                || !await db.Residents.AnyAsync(r => r.Id == residentId, cancellationToken))
            {
                return Refuse(Errors.InvalidGrant, "The consent this token came from is no longer valid.");
            }

            var identity = new ClaimsIdentity(principal.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetDestinations(ClaimDestinations);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>Her id goes into the access token, and into the ID token when the partner asked for one; nothing else about her does.</summary>
    public static IEnumerable<string> ClaimDestinations(Claim claim) => claim.Type == Claims.Subject
        ? [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]
        : [OpenIddictConstants.Destinations.AccessToken];

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
