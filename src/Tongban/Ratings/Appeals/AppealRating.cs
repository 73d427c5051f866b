using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;

namespace Tongban.Ratings.Appeals;

/// <summary>
/// The department that ran the service appeals a bad review it believes malicious, with its evidence: once per rating (a
/// conditional update), only for its own bad reviews. The rectification's deadlines still run meanwhile: an appeal is
/// no reason to leave her without an answer.
/// </summary>
public sealed class AppealRating(AppDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<IReadOnlyList<FieldError>> Handle(Guid ratingId, string department, Actor officer, string? evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var (text, problem) = StaffText.Check("Evidence", evidence, t["Say why you believe the review is malicious, and what shows it."], t);
        if (problem is not null)
        {
            return [problem];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appealed = await db.Ratings.Where(r => r.Id == ratingId && r.DepartmentCode == department && r.Level <= 2 && r.AppealedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AppealedAt, clock.GetUtcNow().UtcDateTime).SetProperty(r => r.AppealEvidence, text).SetProperty(r => r.AppealedBy, officer.Name), cancellationToken);
        if (appealed == 0)
        {
            return [new("Evidence", t["This review has been appealed already, or cannot be appealed."])];
        }

        var rating = await db.Ratings.AsNoTracking().SingleAsync(r => r.Id == ratingId, cancellationToken);
        var subject = await RatedSubject.Of(db, rating, cancellationToken);
        await audit.Record(rating.ResidentId, officer, AuditAction.Changed, subject.Audit("RatingAppealed"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
