using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation.AspNetCore;
using Tongban.PartnerApi.Webhooks;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi;

/// <summary>
/// The open API's OAuth 2.0 / OpenID Connect authorization server (OpenIddict, ADR 0030): authorization code with PKCE
/// for acting for a resident under her consent, client credentials for a partner's own calls, refresh tokens that
/// can be revoked, discovery and JWKS. Codes and tokens are sealed by ASP.NET Core data protection, whose keys every
/// node shares, and each is also an entry in the database, so a withdrawn consent stops its tokens on every node at once.
/// </summary>
public static class PartnerApiSetup
{
    /// <summary>The policy of every <c>/api/v1</c> endpoint that acts for a resident or for the partner.</summary>
    public const string PartnerPolicy = "Partner";

    public static IServiceCollection AddPartnerApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var signingKeys = new ApiSigningKeys(configuration, environment);
        services.AddSingleton(signingKeys);
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetRevocationEndpointUris("/connect/revoke")
                    .SetJsonWebKeySetEndpointUris("/connect/jwks");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowClientCredentialsFlow();
                o.AllowRefreshTokenFlow();
                o.RegisterScopes([OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess, .. PartnerScopes.All]);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5));
                // Unused for 90 days, a consent's refresh token lapses; each use gives a new one (rolling) and the old one stops.
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(90));
                // Newest first: OpenIddict signs with the first key and publishes them all. Read when the server first
                // serves, not here, so that `rotate-partner-key` runs where there is no key yet.
                o.Configure(options =>
                {
                    // S256 only: a "plain" challenge is the verifier itself, and proves nothing to whoever saw the redirect.
                    options.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain);
                    foreach (var key in signingKeys.All.Reverse())
                    {
                        options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(key.Key) { KeyId = key.Id }, SecurityAlgorithms.RsaSha256));
                    }
                });

                o.UseDataProtection();
                // Codes and tokens are sealed by data protection, ID tokens are signed, not encrypted: OpenIddict still
                // wants an encryption key, which seals nothing here, so one per process does.
                o.AddEphemeralEncryptionKey();
                var aspNetCore = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableStatusCodePagesIntegration();
                if (environment.IsDevelopment())
                {
                    // The README's run command serves plain HTTP on localhost; everywhere else HTTPS is required.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                o.UseAspNetCore();
                // Each request checks that the token and the consent it came from are still there: withdrawn is withdrawn at once.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
            });
        services.AddHttpContextAccessor();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider, OpenIddictOnlyWherePartnersCall>();
        services.AddAuthorizationBuilder().AddPolicy(PartnerPolicy, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        services.AddScoped<RegisterPartner>();
        services.AddScoped<WithdrawPartnerAccess>();
        services.AddScoped<ListPartnerAccess>();
        services.AddScoped<PartnerCaller>();
        services.AddScoped<CountPartnerRequest>();
        services.AddScoped<PartnerReach>();
        services.AddWebhooks();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", V1.ApiV1OpenApi.Describe);
        if (environment.IsDevelopment())
        {
            services.AddHostedService<SeedDemoPartnerOnStart>();
        }

        return services;
    }
}
