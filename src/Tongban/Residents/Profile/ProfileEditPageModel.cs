using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Residents.Access;

namespace Tongban.Residents.Profile;

/// <summary>
/// The profile form, for the resident herself (<c>/me/profile</c>) and for staff acting for her
/// (<c>/staff/residents/{id}/profile</c>): the same questions, checks and audit; only whose and where to go next differ.
/// </summary>
public abstract class ProfileEditPageModel(AppDbContext db, ResidentAccessPolicy policy, UpdateProfile update, CatalogueStore catalogue) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public ProfileFormView Form { get; private set; } = null!;
    public Resident Resident { get; private set; } = null!;

    protected abstract Task<Guid> SubjectId();

    protected abstract string DoneUrl(Guid residentId);

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await SubjectId();
        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ChangeProfile) is null || await Load(subjectId, cancellationToken) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Input = ProfileInput.From(Resident);
        await ShowForm([], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var subjectId = await SubjectId();
        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ChangeProfile) is not { } actor || await Load(subjectId, cancellationToken) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var errors = await update.Handle(subjectId, Input, actor, cancellationToken);
        if (errors.Count == 0)
        {
            return Redirect(DoneUrl(subjectId));
        }

        await ShowForm(errors, cancellationToken);
        return Page();
    }

    private async Task<Resident?> Load(Guid residentId, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId, cancellationToken);
        Resident = resident!;
        return resident;
    }

    private async Task ShowForm(IReadOnlyList<FieldError> errors, CancellationToken cancellationToken) =>
        Form = new ProfileFormView(Input, errors, (await catalogue.Current(cancellationToken)).Districts, Resident.MobileNumber is not null, Resident.IdNumberProof);
}
