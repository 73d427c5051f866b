using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Notifications.Letters;

/// <summary>
/// Takes the letters waiting to be printed, oldest first, into a new batch. Two operators starting batches at
/// once each get letters of their own: a letter is taken only while it has no batch.
/// </summary>
public sealed class StartPrintBatch(AppDbContext db, TimeProvider clock)
{
    /// <summary>The new batch, or null when no letter is waiting.</summary>
    public async Task<PrintBatch?> Handle(Guid? staffId, string staffName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = new PrintBatch { Id = Guid.NewGuid(), StartedAt = clock.GetUtcNow().UtcDateTime, StartedById = staffId, StartedBy = staffName };
        db.PrintBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var waiting = db.Notifications.Where(n => n.Status == DeliveryStatus.AwaitingPrint && n.PrintBatchId == null);
        var oldest = waiting.OrderBy(n => n.CreatedAt).Take(PrintBatch.MaxLetters).Select(n => n.Id);
        // The batch check is repeated on the row itself, so a letter another batch took meanwhile stays there.
        batch.Letters = await waiting.Where(n => oldest.Contains(n.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.PrintBatchId, batch.Id), cancellationToken);
        if (batch.Letters == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }
}
