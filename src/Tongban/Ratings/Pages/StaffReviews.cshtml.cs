using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Ratings.Rectifications;
using Tongban.Staff;

namespace Tongban.Ratings.Pages;

/// <summary><c>/staff/reviews</c>: the department's bad reviews still to rectify, soonest due first, and the last ones answered; not those an upheld appeal removed.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffReviewsModel(AppDbContext db) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<(Rectification Rectification, string Reference, int Level)> Open { get; private set; } = [];
    public IReadOnlyList<(Rectification Rectification, string Reference, int Level)> Answered { get; private set; } = [];

    /// <summary>A case's reference as on its letters, or a visit's.</summary>
    private static string Displayed(string? caseReference, Guid? visitId) =>
        caseReference is null ? Residents.Assisted.AssistedSession.ReferenceOf(visitId!.Value) : Cases.CaseReference.Display(caseReference);

    public async Task OnGet(CancellationToken cancellationToken)
    {
        if (StaffReview.Department(User) is not { } department)
        {
            return;
        }

        var cases = db.Cases;
        var all = from r in db.Rectifications.AsNoTracking()
                  where r.DepartmentCode == department
                  join g in db.Ratings on r.RatingId equals g.Id
                  where g.ExcludedAt == null
                  from c in cases.Where(c => c.Id == r.CaseId).DefaultIfEmpty()
                  select new { r, Reference = c != null ? c.Reference : null, g.VisitId, g.Level };
        Open = (await all.Where(x => x.r.AnsweredAt == null).OrderBy(x => x.r.AnswerDueOn).ThenBy(x => x.r.OpenedAt).Take(Shown).ToListAsync(cancellationToken))
            .Select(x => (x.r, Displayed(x.Reference, x.VisitId), x.Level)).ToList();
        Answered = (await all.Where(x => x.r.AnsweredAt != null).OrderByDescending(x => x.r.AnsweredAt).Take(20).ToListAsync(cancellationToken))
            .Select(x => (x.r, Displayed(x.Reference, x.VisitId), x.Level)).ToList();
    }
}

/// <summary>Who on the staff works bad reviews: case officers and heads, each for their own department.</summary>
public static class StaffReview
{
    public static string? Department(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role() is StaffRole.CaseOfficer or StaffRole.DepartmentHead ? user.FindFirst(StaffPrincipal.DepartmentClaim)?.Value : null;
    }
}
