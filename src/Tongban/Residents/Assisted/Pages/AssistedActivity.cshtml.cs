using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Audit;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Pages;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>/staff/residents/{id}/activity</c>: so that a resident without a smartphone can ask at the counter who acted for her.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class AssistedActivityModel(AppDbContext db, ResidentAccessPolicy policy, VerifyTrail verify) : PageModel
{
    public Guid ResidentId { get; private set; }
    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];
    public TrailCheck Check { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid residentId, CancellationToken cancellationToken)
    {
        if (await policy.Decide(HttpContext, residentId, ResidentOperation.SeeActivity) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ResidentId = residentId;
        (Records, Check) = await ActivityModel.Load(db, verify, residentId, cancellationToken);
        return Page();
    }
}
