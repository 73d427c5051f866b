using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Partners;
using Tongban.Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi;

/// <summary>What the operator types to register a partner for the open API.</summary>
public sealed record PartnerRegistration(
    string? ClientId, string? NameZhCn, string? NameEn, string? Contact, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes, int RequestsPerMinute);

/// <summary>Registered (with the client secret, shown this once: only its hash is kept) or refused with a message key per field.</summary>
public sealed record PartnerRegistered(string? ClientSecret, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => ClientSecret is not null;
}

/// <summary>
/// The operator registers a partner: an OAuth client that may use the authorization code flow with PKCE (for residents
/// who consent), client credentials (for its own calls) and refresh tokens, on the scopes she allows and no others.
/// Every partner gets the same flows and limits by the same form: no favourite super-app.
/// </summary>
public sealed class RegisterPartner(AppDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public const int MaxRequestsPerMinute = 100_000;

    /// <summary>Registers the partner; <paramref name="presetSecret"/> only for Development's demo partner, whose secret the partner guide prints.</summary>
    public async Task<PartnerRegistered> Handle(PartnerRegistration input, CancellationToken cancellationToken, string? presetSecret = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var clientId = input.ClientId?.Trim() ?? "";
        if (!PartnerOptions.IsCode(clientId))
        {
            errors["ClientId"] = "Use 1 to 40 lower-case letters, digits or hyphens, as in demo-superapp.";
        }
        else if (await db.ApiPartners.AnyAsync(p => p.ClientId == clientId, cancellationToken) || await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            errors["ClientId"] = "A partner with this code is already registered.";
        }

        if (string.IsNullOrWhiteSpace(input.NameZhCn) || input.NameZhCn.Trim().Length > 100)
        {
            errors["NameZhCn"] = "Type the partner's name in Chinese (up to 100 characters).";
        }

        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Trim().Length > 100)
        {
            errors["NameEn"] = "Type the partner's name in English (up to 100 characters).";
        }

        if (string.IsNullOrWhiteSpace(input.Contact) || input.Contact.Trim().Length > 200)
        {
            errors["Contact"] = "Type who to contact at the partner (up to 200 characters).";
        }

        if (input.RedirectUris.Count == 0 || input.RedirectUris.Any(u => !IsRedirectUri(u)))
        {
            errors["RedirectUris"] = "Give at least one return address, each a full https address without a # part (http only for 127.0.0.1 or localhost).";
        }

        if (input.Scopes.Count == 0 || input.Scopes.Any(s => !PartnerScopes.All.Contains(s)))
        {
            errors["Scopes"] = "Choose at least one thing the partner may do.";
        }

        if (input.RequestsPerMinute is < 1 or > MaxRequestsPerMinute)
        {
            errors["RequestsPerMinute"] = "Give a request limit between 1 and 100,000 a minute.";
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var secret = presetSecret ?? Base64Url(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = input.NameZhCn!.Trim(),
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.ClientCredentials, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
        };
        foreach (var uri in input.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var scope in input.Scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        db.ApiPartners.Add(new ApiPartner
        {
            ClientId = clientId,
            NameZhCn = input.NameZhCn.Trim(),
            NameEn = input.NameEn!.Trim(),
            Contact = input.Contact!.Trim(),
            RequestsPerMinute = input.RequestsPerMinute,
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two operators registering the same code at once: the table's key lets one through.
            db.ChangeTracker.Clear();
            return new(null, new Dictionary<string, string> { ["ClientId"] = "A partner with this code is already registered." });
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(secret, errors);
    }

    /// <summary>A full https address without a fragment; plain http only to the partner developer's own machine (RFC 8252).</summary>
    public static bool IsRedirectUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment) && uri.UserInfo.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || uri.Host == "localhost")));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
