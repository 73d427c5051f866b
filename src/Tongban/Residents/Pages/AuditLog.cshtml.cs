using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.Residents.Pages;

/// <summary>
/// <c>/staff/audit</c>, for operators: the newest signed head of the audit log, the last full check and a check on
/// demand, and any resident's trail checked against the published log (found by her mobile or proven ID number;
/// the check goes on her own trail, since it reads it).
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class AuditLogModel(AppDbContext db, CheckAuditAnchor checkLog, VerifyTrail verify, AuditTrail audit) : PageModel
{
    public AuditTreeHead? Head { get; private set; }
    public AuditAnchorCheck? LastCheck { get; private set; }
    public string? Resident { get; set; }
    public TrailCheck? ResidentCheck { get; private set; }
    public int ResidentEntries { get; private set; }
    public bool NobodyFound { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) => await Show(cancellationToken);

    public async Task<IActionResult> OnPostCheck(CancellationToken cancellationToken)
    {
        await checkLog.Handle(cancellationToken);
        return await Show(cancellationToken);
    }

    public async Task<IActionResult> OnPostResident(string? resident, CancellationToken cancellationToken)
    {
        Resident = resident;
        var mobile = MobileNumber.Normalize(resident);
        var idNumber = ResidentIdNumber.Normalize(resident);
        var found = await db.Residents.AsNoTracking().Where(r => (mobile != null && r.MobileNumber == mobile) || (idNumber.Length == 18 && r.IdNumber == idNumber))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (found is not { } id)
        {
            NobodyFound = true;
            return await Show(cancellationToken);
        }

        ResidentCheck = await verify.Handle(id, cancellationToken);
        ResidentEntries = await db.AuditRecords.CountAsync(r => r.ResidentId == id, cancellationToken);
        await audit.Record(id, User.StaffActor(Channel.Office, "audit"), AuditAction.Viewed, AuditSubject.Activity, cancellationToken);
        return await Show(cancellationToken);
    }

    private async Task<IActionResult> Show(CancellationToken cancellationToken)
    {
        Head = await db.AuditTreeHeads.AsNoTracking().OrderByDescending(h => h.Size).FirstOrDefaultAsync(cancellationToken);
        LastCheck = await db.AuditAnchorChecks.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }
}
