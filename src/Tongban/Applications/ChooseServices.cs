using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <summary>
/// Saves which services of a life event she applies for: the others are left out of the draft (their answers are
/// kept, should she change her mind). Re-reads the draft and retries when an answer was saved into it meanwhile.
/// </summary>
public sealed class ChooseServices(AppDbContext db, TimeProvider clock)
{
    public async Task Handle(Guid draftId, IReadOnlyCollection<string> leftOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leftOut);
        for (var attempt = 1; ; attempt++)
        {
            var draft = await db.Drafts.SingleAsync(d => d.Id == draftId && d.SubmittedAt == null, cancellationToken);
            draft.LeftOut = [.. leftOut.Order(StringComparer.Ordinal)];
            draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            draft.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
