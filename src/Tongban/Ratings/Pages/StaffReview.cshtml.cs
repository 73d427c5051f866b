using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/staff/reviews/{id}</c>: one bad review and its rectification, for the officers and head of the department that
/// ran the service: record the contact, call it complex, answer. Each look goes on her trail (her rating is hers).
/// </summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffReviewModel(AppDbContext db, AnswerRectification answer, Appeals.AppealRating appeal, AuditTrail audit) : PageModel
{
    public Rectification Rectification { get; private set; } = null!;
    public Rating Rating { get; private set; } = null!;
    /// <summary>The case or visit rated.</summary>
    public RatedSubject Subject { get; private set; } = null!;
    public IReadOnlyList<Rectification> Earlier { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    [BindProperty]
    public RectificationStep Step { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Found { get; set; }

    [BindProperty]
    public string? Changed { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Rectification.Version;
        await audit.Record(Rating.ResidentId, Officer(), AuditAction.Viewed, Subject.Audit("Rating"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Errors = await answer.Handle(id, Version, Officer(), Rectification.DepartmentCode, Step, Note, Found, Changed, cancellationToken);
        if (Errors.Count == 0)
        {
            return Redirect($"/staff/reviews/{id}");
        }

        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAppeal(Guid id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }

        Errors = await appeal.Handle(Rating.Id, Rectification.DepartmentCode, Officer(), Evidence, cancellationToken);
        if (Errors.Count == 0)
        {
            return Redirect($"/staff/reviews/{id}");
        }

        Version = Rectification.Version;
        return Page();
    }

    private Actor Officer() => User.StaffActor(Channel.Office, $"department:{Rectification.DepartmentCode}");

    /// <summary>The rectification, if it is one of the signed-in officer's department; otherwise not found, as for an id that does not exist.</summary>
    private async Task<bool> Load(Guid id, CancellationToken cancellationToken)
    {
        var department = StaffReview.Department(User);
        var found = department is null ? null : await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.DepartmentCode == department, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Rectification = found;
        Rating = await db.Ratings.AsNoTracking().SingleAsync(r => r.Id == found.RatingId, cancellationToken);
        Subject = await RatedSubject.Of(db, Rating, cancellationToken);
        Earlier = await db.Rectifications.AsNoTracking().Where(r => r.RatingId == found.RatingId && r.Round < found.Round).ToListAsync(cancellationToken);
        return true;
    }
}
