using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi;

/// <summary>One partner's access to her account: what she allowed, since when, and when it last read or did something for her.</summary>
public sealed record PartnerAccess(string ConsentId, ApiPartner Partner, IReadOnlyList<string> Scopes, DateTimeOffset? GivenAt, DateTime? LastUsedAt);

/// <summary>
/// The partners she has let act for her (consents not withdrawn), for <c>/me/partners</c>. When one last acted is read
/// from her trail, where every read and action of a partner is recorded with the consent it acted under.
/// </summary>
public sealed class ListPartnerAccess(AppDbContext db, IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications)
{
    public async Task<IReadOnlyList<PartnerAccess>> Handle(Guid residentId, CancellationToken cancellationToken)
    {
        var list = new List<PartnerAccess>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(residentId.ToString(), cancellationToken))
        {
            if (await authorizations.GetStatusAsync(authorization, cancellationToken) != Statuses.Valid
                || await applications.FindByIdAsync(await authorizations.GetApplicationIdAsync(authorization, cancellationToken) ?? "", cancellationToken) is not { } application)
            {
                continue;
            }

            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (await db.ApiPartners.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, cancellationToken) is not { } partner)
            {
                continue;
            }

            var id = (await authorizations.GetIdAsync(authorization, cancellationToken))!;
            var reason = "consent:" + id;
            var lastUsed = await db.AuditRecords.Where(r => r.ResidentId == residentId && r.ActorKind == ActorKind.Partner && r.Reason == reason)
                .MaxAsync(r => (DateTime?)r.At, cancellationToken);
            var scopes = await authorizations.GetScopesAsync(authorization, cancellationToken);
            list.Add(new(id, partner, [.. PartnerScopes.ForResident.Where(scopes.Contains)], await authorizations.GetCreationDateAsync(authorization, cancellationToken), lastUsed));
        }

        return [.. list.OrderByDescending(a => a.GivenAt)];
    }
}

/// <summary>
/// She withdraws a partner's access: the consent is revoked with every code and token it gave, and since the API checks
/// the consent on each request, the partner's next call is refused on every node.
/// </summary>
public sealed class WithdrawPartnerAccess(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    /// <returns>False when the consent is not hers (or no longer there): nothing is done.</returns>
    public async Task<bool> Handle(Guid residentId, string? consentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(consentId) || await authorizations.FindByIdAsync(consentId, cancellationToken) is not { } authorization
            || await authorizations.GetSubjectAsync(authorization, cancellationToken) != residentId.ToString())
        {
            return false;
        }

        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        await tokens.RevokeByAuthorizationIdAsync(consentId, cancellationToken);
        return true;
    }
}
