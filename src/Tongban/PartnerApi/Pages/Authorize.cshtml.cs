using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi.Pages;

/// <summary>
/// <c>/connect/authorize</c>, the consent screen: once OpenIddict has checked the partner, its return address and PKCE,
/// she signs in the usual way (SMS code) and reads, in her language, which partner asks for what and for how long. She
/// may give all of it, part of it, or nothing; what she gives is a consent on <c>/me/partners</c>.
/// </summary>
public sealed class AuthorizeModel(AppDbContext db, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IDataProtectionProvider protection)
    : PageModel
{
    public ApiPartner Partner { get; private set; } = null!;

    /// <summary>The resident scopes the partner asked for, in the consent screen's order.</summary>
    public IReadOnlyList<string> Asked { get; private set; } = [];

    /// <summary>The request's parameters, sent back with her answer (OpenIddict reads the request again from them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    [BindProperty]
    public List<string> Granted { get; set; } = [];

    public string? Error { get; private set; }

    public bool English => CultureInfo.CurrentUICulture.Name == "en";

    public Task<IActionResult> OnGet(CancellationToken cancellationToken) => Show(cancellationToken);

    public async Task<IActionResult> OnPost(string? decision, CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var residentId = (await HttpContext.AuthenticateAsync(AuthSetup.ResidentScheme)).Principal?.Id();
        if (residentId is null)
        {
            return await Show(cancellationToken);
        }

        if (decision != "allow")
        {
            return Refuse(Errors.AccessDenied, "The resident said no.");
        }

        var scopes = request.GetScopes();
        var granted = PartnerScopes.ForResident.Where(s => scopes.Contains(s) && Granted.Contains(s)).ToList();
        if (granted.Count == 0 && PartnerScopes.ForResident.Any(scopes.Contains))
        {
            Error = "Tick at least one thing you allow, or choose No.";
            return await Show(cancellationToken);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken) ?? throw new InvalidOperationException("OpenIddict checked the client.");
        var given = new List<string>(granted);
        given.AddRange(scopes.Where(s => s is Scopes.OpenId or Scopes.OfflineAccess));
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, residentId.Value.ToString());
        identity.SetScopes(given);
        var authorization = await authorizations.CreateAsync(
            new ClaimsPrincipal(identity), residentId.Value.ToString(), (await applications.GetIdAsync(application, cancellationToken))!, AuthorizationTypes.Permanent, [.. given], cancellationToken);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, cancellationToken));
        identity.SetDestinations(TokenEndpoint.ClaimDestinations);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IActionResult> Show(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if ((await HttpContext.AuthenticateAsync(AuthSetup.ResidentScheme)).Principal?.Id() is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The resident is not signed in.");
            }

            // Sign-in's return address may not hold spaces, which scopes are separated by: come back through a sealed copy.
            var sealedQuery = Seal(protection, HttpContext.Request.QueryString.Value ?? "");
            return Challenge(new AuthenticationProperties { RedirectUri = "/connect/authorize/continue?r=" + sealedQuery }, AuthSetup.ResidentScheme);
        }

        Partner = await db.ApiPartners.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == request.ClientId, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict checked the client.");
        var scopes = request.GetScopes();
        Asked = [.. PartnerScopes.ForResident.Where(scopes.Contains)];
        Parameters = [.. request.GetParameters().Where(p => p.Key is not ("decision" or "Granted" or "__RequestVerificationToken"))
            .Select(p => new KeyValuePair<string, string>(p.Key, (string?)p.Value ?? ""))];
        // OpenIddict has checked that the return address is one the partner registered.
        Tongban.Platform.Web.SecurityHeaders.AllowFormRedirectTo(HttpContext, new Uri(request.RedirectUri!));
        return Page();
    }

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static string Seal(IDataProtectionProvider protection, string query) =>
        Returning(protection).Protect(query, TimeSpan.FromMinutes(30));

    private static ITimeLimitedDataProtector Returning(IDataProtectionProvider protection) =>
        protection.CreateProtector("Tongban.PartnerApi.AuthorizeReturn").ToTimeLimitedDataProtector();

    /// <summary><c>/connect/authorize/continue?r=…</c>: back from signing in, to the authorization request she started from.</summary>
    public static IEndpointRouteBuilder MapAuthorizeContinue(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/connect/authorize/continue", (string? r, IDataProtectionProvider protection) =>
        {
            try
            {
                var query = Returning(protection).Unprotect(r ?? "");
                return query.StartsWith('?') ? Results.Redirect("/connect/authorize" + query) : Results.BadRequest();
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Results.BadRequest();
            }
        }).ExcludeFromDescription();
        return endpoints;
    }
}
