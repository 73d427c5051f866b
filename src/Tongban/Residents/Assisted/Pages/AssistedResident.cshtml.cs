using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>/staff/residents/{id}</c>: the resident a clerk is helping. Any other id is refused: the session names her.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class AssistedResidentModel(AppDbContext db, ResidentAccessPolicy policy, AuditTrail audit, CatalogueStore catalogue) : PageModel
{
    public Resident Resident { get; private set; } = null!;
    public string? DistrictName { get; private set; }
    public string Name => ResidentName.Of(Resident);

    public async Task<IActionResult> OnGet(Guid residentId, CancellationToken cancellationToken)
    {
        if (await policy.Decide(HttpContext, residentId, ResidentOperation.ViewProfile) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        DistrictName = (await catalogue.Current(cancellationToken)).Districts.FirstOrDefault(d => d.Code == Resident.DistrictCode)?.Name.Current;
        await audit.Record(residentId, actor, AuditAction.Viewed, AuditSubject.Profile, cancellationToken);
        return Page();
    }
}
