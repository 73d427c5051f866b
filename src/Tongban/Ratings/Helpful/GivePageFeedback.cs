using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Data;

namespace Tongban.Ratings.Helpful;

/// <summary>Records "was this page helpful?" for a service's page, and afterwards, for a "no", the reason she chose.</summary>
public sealed class GivePageFeedback(AppDbContext db, CatalogueStore catalogue, TimeProvider clock)
{
    /// <returns>The answer's id (to add the reason to), or null when the catalogue has no such service.</returns>
    public async Task<Guid?> Handle(string serviceCode, bool helpful, CancellationToken cancellationToken)
    {
        if ((await catalogue.Current(cancellationToken)).Service(serviceCode) is null)
        {
            return null;
        }

        var answer = new PageFeedback { Id = Guid.NewGuid(), ServiceCode = serviceCode, Helpful = helpful, At = clock.GetUtcNow().UtcDateTime };
        db.PageFeedback.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        return answer.Id;
    }

    /// <summary>
    /// Adds the reason to a "no" given on this service's page within the last hour, once: true when it did. The id came back
    /// to her browser only; a conditional update keeps anyone from changing a reason already given.
    /// </summary>
    public async Task<bool> AddReason(Guid id, string serviceCode, PageFeedbackReason reason, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - PageFeedback.ReasonWindow;
        return await db.PageFeedback
            .Where(f => f.Id == id && f.ServiceCode == serviceCode && !f.Helpful && f.Reason == null && f.At >= since)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.Reason, reason), cancellationToken) == 1;
    }
}
