using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;
using Tongban.Staff;

namespace Tongban.Ratings.Appeals;

/// <summary>
/// Decides a department's appeal against a bad review: a head of another department or an operator, never the
/// department judging its own case. Upheld, the review leaves the figures and she is told why; not upheld, it stands.
/// Decided once: a conditional update on the undecided appeal.
/// </summary>
public sealed class DecideAppeal(AppDbContext db, CatalogueStore catalogue, WriteNotification write, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>Whether someone of <paramref name="role"/> in <paramref name="department"/> may decide an appeal of <paramref name="appealing"/>.</summary>
    public static bool MayDecide(StaffRole? role, string? department, string appealing) =>
        role == StaffRole.Operator || (role == StaffRole.DepartmentHead && department is not null && department != appealing);

    public async Task<IReadOnlyList<FieldError>> Handle(Guid ratingId, bool upheld, string? reasons, Actor decider, StaffRole? role, string? department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ratingId && r.AppealedAt != null, cancellationToken);
        if (rating is null || !MayDecide(role, department, rating.DepartmentCode))
        {
            return [new("Reasons", t["There is no such appeal for you to decide."])];
        }

        var (text, problem) = StaffText.Check("Reasons", reasons, upheld ? t["Write the reasons: the resident is told them."] : t["Write the reasons for the department."], t);
        if (problem is not null)
        {
            return [problem];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decided = await db.Ratings.Where(r => r.Id == ratingId && r.AppealDecidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AppealDecidedAt, now).SetProperty(r => r.AppealUpheld, upheld).SetProperty(r => r.AppealDecision, text)
                .SetProperty(r => r.AppealDecidedBy, decider.Name).SetProperty(r => r.ExcludedAt, upheld ? now : null), cancellationToken);
        if (decided == 0)
        {
            return [new("Reasons", t["This appeal has been decided already."])];
        }

        var rated = await RatedSubject.Of(db, rating, cancellationToken);
        if (upheld)
        {
            var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == rating.ResidentId, cancellationToken);
            var snapshot = await catalogue.Current(cancellationToken);
            var (subject, message) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
            {
                var name = RatedSubject.ServiceName(snapshot, rating.ServiceCode, t, culture);
                return (t["Notice.Subject", name, rated.Reference].Value, t["Rating.Excluded", name, rated.Reference, text!].Value);
            });
            write.Handle(resident, rating.CaseId, $"rating-appeal:{rating.Id:N}", subject, message);
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.Record(rating.ResidentId, decider, AuditAction.Changed, rated.Audit(upheld ? "RatingExcluded" : "RatingAppealRejected"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
