using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi;

/// <summary>
/// Who calls the API: the partner, and the resident it acts for under which consent (none for client credentials).
/// </summary>
public sealed record PartnerCall(ApiPartner Partner, Guid? ResidentId, string? ConsentId, IReadOnlySet<string> Scopes)
{
    /// <summary>The partner as the actor of what it does for her: on her trail with its name and the consent it acted under.</summary>
    public Actor Actor => new(ActorKind.Partner, null, $"{Partner.NameZhCn} / {Partner.NameEn}", Channel.PartnerApp, "consent:" + ConsentId) { Partner = Partner.ClientId };

    public bool May(string scope) => Scopes.Contains(scope);
}

/// <summary>Reads the caller of an API request from its validated access token.</summary>
public sealed class PartnerCaller(AppDbContext db)
{
    // One lookup a request: the request limit and the endpoint both ask.
    private (ClaimsPrincipal User, PartnerCall? Call)? _last;

    public async Task<PartnerCall?> Of(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_last is { } last && ReferenceEquals(last.User, user))
        {
            return last.Call;
        }

        var call = await Read(user, cancellationToken);
        _last = (user, call);
        return call;
    }

    private async Task<PartnerCall?> Read(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var clientId = user.GetClaim(Claims.ClientId);
        var partner = clientId is null ? null : await db.ApiPartners.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, cancellationToken);
        if (partner is null)
        {
            return null;
        }

        // A resident's id is the subject of tokens she consented to; a partner's own tokens have its client id instead.
        var resident = user.GetAuthorizationId() is not null && Guid.TryParse(user.GetClaim(Claims.Subject), out var id) ? id : (Guid?)null;
        return new(partner, resident, user.GetAuthorizationId(), user.GetScopes().ToHashSet(StringComparer.Ordinal));
    }
}
