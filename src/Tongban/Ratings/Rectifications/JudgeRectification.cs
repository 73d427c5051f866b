using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Ratings.Rectifications;

/// <summary>
/// Her verdict on the department's answer to her bad review. Not satisfied after the first round opens a second,
/// the last; the unique index on the rating and the round makes a double press open it once.
/// </summary>
public sealed class JudgeRectification(AppDbContext db, OpenRectification open, TimeProvider clock)
{
    /// <summary>True when her verdict was taken; false when there was no answer waiting for it (given already, or none yet).</summary>
    public async Task<bool> Handle(Guid ratingId, bool satisfied, CancellationToken cancellationToken)
    {
        var r = await db.Rectifications.Where(x => x.RatingId == ratingId).OrderByDescending(x => x.Round).FirstOrDefaultAsync(cancellationToken);
        if (r is not { AnsweredAt: not null, Satisfied: null })
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var judged = await db.Rectifications.Where(x => x.Id == r.Id && x.Satisfied == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Satisfied, satisfied).SetProperty(x => x.JudgedAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (judged == 0)
        {
            return false;
        }

        if (!satisfied && r.Round == 1)
        {
            var rating = await db.Ratings.AsNoTracking().SingleAsync(x => x.Id == r.RatingId, cancellationToken);
            await open.Handle(rating, round: 2, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
