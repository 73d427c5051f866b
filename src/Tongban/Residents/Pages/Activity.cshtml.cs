using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Pages;

/// <summary><c>/me/activity</c>: who acted for me, newest first, with the chain checked on every view. Only she may see it.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class ActivityModel(AppDbContext db, ActingFor acting, ResidentAccessPolicy policy, VerifyTrail verify) : PageModel
{
    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];
    public TrailCheck Check { get; private set; } = null!;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.SeeActivity) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        (Records, Check) = await Load(db, verify, subjectId, cancellationToken);
        return Page();
    }

    /// <summary>The newest 200 entries and the result of checking the whole trail against the published log.</summary>
    public static async Task<(IReadOnlyList<AuditRecord>, TrailCheck)> Load(AppDbContext db, VerifyTrail verify, Guid residentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(verify);
        var records = await db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == residentId)
            .OrderByDescending(r => r.Sequence).Take(200).ToListAsync(cancellationToken);
        return (records, await verify.Handle(residentId, cancellationToken));
    }
}
