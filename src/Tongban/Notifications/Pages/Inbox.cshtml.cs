using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;

namespace Tongban.Notifications.Pages;

/// <summary><c>/me/inbox</c>: every message the city sent her, on whatever channel, newest first, with how it went out.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class InboxModel(AppDbContext db, ActingFor acting, ResidentAccessPolicy policy, AuditTrail audit) : PageModel
{
    public IReadOnlyList<(Notification Message, string? Reference)> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ViewProfile) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Messages = (await db.Notifications.AsNoTracking().Where(n => n.ResidentId == subjectId)
            .OrderByDescending(n => n.CreatedAt).Take(100)
            .GroupJoin(db.Cases, n => n.CaseId, c => c.Id, (n, cases) => new { n, cases })
            .SelectMany(x => x.cases.DefaultIfEmpty(), (x, c) => new { x.n, Reference = c == null ? null : c.Reference })
            .ToListAsync(cancellationToken)).Select(x => (x.n, x.Reference)).ToList();
        await audit.Record(subjectId, actor, AuditAction.Viewed, AuditSubject.Inbox, cancellationToken);
        return Page();
    }
}
