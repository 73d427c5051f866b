using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Pages;

/// <summary><c>/me</c>: the resident's profile, or, while acting for someone, that person's (if the delegation covers all services).</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MeModel(AppDbContext db, ActingFor acting, ResidentAccessPolicy policy, AuditTrail audit, CatalogueStore catalogue) : PageModel
{
    public Resident Resident { get; private set; } = null!;
    public string? DistrictName { get; private set; }
    public bool IsSelf { get; private set; }
    public string SubjectName => ResidentName.Of(Resident);

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Verified { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ViewProfile) is not { } actor)
        {
            // Acting for her under a permission for some services: her account is her applications within them.
            return subjectId != User.Id() ? Redirect("/me/applications") : StatusCode(StatusCodes.Status403Forbidden);
        }

        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == subjectId, cancellationToken);
        if (resident is null)
        {
            // The account behind a still-valid cookie is gone: start again.
            return Challenge(AuthSetup.ResidentScheme);
        }

        await audit.Record(subjectId, actor, AuditAction.Viewed, AuditSubject.Profile, cancellationToken);
        Resident = resident;
        IsSelf = actor.IsResident(subjectId);
        DistrictName = (await catalogue.Current(cancellationToken)).Districts.FirstOrDefault(d => d.Code == resident.DistrictCode)?.Name.Current;
        return Page();
    }
}
