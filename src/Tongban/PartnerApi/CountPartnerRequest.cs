using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi;

/// <summary>
/// Takes one request from a partner's allowance for the current minute (its <see cref="ApiPartner.RequestsPerMinute"/>),
/// atomically in the database: under any number of concurrent requests on any number of nodes, no more than the limit
/// get through. Over it, the answer is how long until the next minute.
/// </summary>
public sealed class CountPartnerRequest(AppDbContext db, TimeProvider clock)
{
    /// <returns>Null when the request may go on; otherwise how long the partner should wait.</returns>
    public async Task<TimeSpan?> Take(ApiPartner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var client = partner.ClientId;
        var opened = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "PartnerRequestWindows" ("ClientId", "Minute", "Count") VALUES ({client}, {minute}, 0) ON CONFLICT DO NOTHING""", cancellationToken);
        if (opened == 1)
        {
            // The first request of a minute clears the partner's old minutes.
            await db.PartnerRequestWindows.Where(w => w.ClientId == client && w.Minute < minute).ExecuteDeleteAsync(cancellationToken);
        }

        var limit = partner.RequestsPerMinute;
        var taken = await db.PartnerRequestWindows.Where(w => w.ClientId == client && w.Minute == minute && w.Count < limit)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Count, w => w.Count + 1), cancellationToken);
        return taken == 1 ? null : DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
    }
}
