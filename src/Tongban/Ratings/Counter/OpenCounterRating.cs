using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Ratings.Counter;

/// <summary>The tablet's one-use link for a case the clerk is serving her on, or for the visit itself; and finding a link's record again.</summary>
public sealed class OpenCounterRating(AppDbContext db, TimeProvider clock)
{
    /// <summary>A new link's token (32 random bytes, base64url), valid for <see cref="CounterRatingToken.Lifetime"/>.</summary>
    public async Task<string> Handle(Guid? caseId, Guid? visitId, Guid staffId, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<CounterRatingToken>().Add(new CounterRatingToken
        {
            Id = Guid.NewGuid(),
            TokenHash = Hash(token),
            CaseId = caseId,
            VisitId = visitId,
            StaffId = staffId,
            CreatedAt = now,
            ExpiresAt = now + CounterRatingToken.Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public Task<CounterRatingToken?> Find(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        return db.Set<CounterRatingToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>Spends the link: true for the one request that does, while it is valid; false once used or expired.</summary>
    public async Task<bool> Spend(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<CounterRatingToken>().Where(t => t.Id == id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
