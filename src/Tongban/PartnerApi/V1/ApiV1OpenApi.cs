using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tongban.PartnerApi.V1;

/// <summary>The scope an <c>/api/v1</c> operation needs, for the OpenAPI document's security requirement.</summary>
public sealed record RequiresScope(string Scope);

/// <summary>
/// Describes the partner API in <c>/openapi/v1.json</c> as it behaves: OAuth 2.0 (authorization code with PKCE, client
/// credentials) with its scopes, the scope each operation needs, and the answers every partner call may get besides its
/// own: 401 for a missing, expired, revoked or withdrawn token (with a Bearer challenge), 403 and 429 as problems.
/// </summary>
public static class ApiV1OpenApi
{
    public const string SchemeName = "partner";

    public static void Describe(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Answers leave out what is null (Program.cs, WhenWritingNull): a property that may be null is optional, not required.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (schema.Required is { Count: > 0 } required)
            {
                foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable || Nullable.GetUnderlyingType(p.PropertyType) is not null))
                {
                    required.Remove(property.Name);
                }
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Partners registered by the city (docs/partner-api.md). PKCE with S256 is required.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = PartnerScopes.ForResident.ToDictionary(s => s, PartnerScopes.PlainWords),
                    },
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { [PartnerScopes.Catalogue] = PartnerScopes.PlainWords(PartnerScopes.Catalogue) },
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any(a => a.Policy == PartnerApiSetup.PartnerPolicy))
            {
                return Task.CompletedTask;
            }

            var scope = metadata.OfType<RequiresScope>().LastOrDefault()?.Scope;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = scope is null ? [] : [scope] }];
            if (operation.Responses?.TryGetValue("401", out var refused) == true && refused is OpenApiResponse unauthorized)
            {
                unauthorized.Description = "No token, or one that expired, was revoked or whose consent she withdrew (WWW-Authenticate: Bearer error=\"invalid_token\").";
            }

            if (operation.Responses?.TryGetValue("429", out var tooMany) == true && tooMany is OpenApiResponse limited)
            {
                limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
                limited.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the partner's next minute of requests.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }

            return Task.CompletedTask;
        });
    }
}
