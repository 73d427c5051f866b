using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Ratings.Appeals;
using Tongban.Staff;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/staff/appeals</c>: departments' appeals against bad reviews they believe malicious, for those who may decide them
/// (heads of other departments, operators); with an id, one appeal with the review and the evidence (on her trail), decided here.
/// </summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffAppealsModel(AppDbContext db, DecideAppeal decide, AuditTrail audit) : PageModel
{
    public IReadOnlyList<Rating> Waiting { get; private set; } = [];
    public Rating? Appeal { get; private set; }
    public RatedSubject? Subject { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    [BindProperty]
    public string? Reasons { get; set; }

    public async Task<IActionResult> OnGet(Guid? id, CancellationToken cancellationToken)
    {
        var (role, department) = (User.Role(), User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value);
        if (role is not (StaffRole.DepartmentHead or StaffRole.Operator))
        {
            return Forbid();
        }

        if (id is null)
        {
            Waiting = (await db.Ratings.AsNoTracking().Where(r => r.AppealedAt != null && r.AppealDecidedAt == null).OrderBy(r => r.AppealedAt).Take(100).ToListAsync(cancellationToken))
                .Where(r => DecideAppeal.MayDecide(role, department, r.DepartmentCode)).ToList();
            return Page();
        }

        if (!await Load(id.Value, cancellationToken))
        {
            return NotFound();
        }

        await audit.Record(Appeal!.ResidentId, Decider(), AuditAction.Viewed, Subject!.Audit("Rating"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, bool upheld, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Errors = await decide.Handle(id, upheld, Reasons, Decider(), User.Role(), User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value, cancellationToken);
        if (Errors.Count == 0)
        {
            return Redirect("/staff/appeals");
        }

        return Page();
    }

    private Actor Decider() => User.StaffActor(Channel.Office, "rating appeal");

    /// <summary>The appealed rating, if this person may decide it; otherwise not found, as for one that does not exist.</summary>
    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.AppealedAt != null, cancellationToken);
        if (found is null || !DecideAppeal.MayDecide(User.Role(), User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value, found.DepartmentCode))
        {
            return false;
        }

        Appeal = found;
        Subject = await RatedSubject.Of(db, found, cancellationToken);
        return true;
    }
}
