using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Notifications.Letters;

/// <summary>The batch's envelopes went to the post: its letters count as sent from now. Posting twice changes nothing.</summary>
public sealed class MarkBatchPosted(AppDbContext db, TimeProvider clock)
{
    public async Task<bool> Handle(Guid batchId, string staffName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await db.PrintBatches.Where(b => b.Id == batchId && b.PostedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.PostedAt, now).SetProperty(b => b.PostedBy, staffName), cancellationToken);
        if (marked == 0)
        {
            return false;
        }

        await db.Notifications.Where(n => n.PrintBatchId == batchId && n.Status == DeliveryStatus.AwaitingPrint)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, DeliveryStatus.Sent).SetProperty(n => n.SentAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
