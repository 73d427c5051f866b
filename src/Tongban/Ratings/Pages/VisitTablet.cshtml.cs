using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Assisted;
using Tongban.Staff;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/staff/visit/tablet</c>: the counter clerk makes the one-use tablet link with which the resident she is serving
/// rates the visit itself (一次一评), whether or not it made a case. Only for her open counter session, once per visit.
/// </summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class VisitTabletModel(AppDbContext db, Counter.OpenCounterRating tablet, TimeProvider clock) : PageModel
{
    public AssistedSession? Visit { get; private set; }
    public bool Rated { get; private set; }
    public string? TabletLink { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return Forbid();
        }

        if (Visit is not null && !Rated)
        {
            TabletLink = $"/counter/rate/{await tablet.Handle(null, Visit.Id, Visit.StaffId, cancellationToken)}";
        }

        return Page();
    }

    /// <summary>Only a counter clerk; <see cref="Visit"/> is her open counter session, if any.</summary>
    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        if (User.Role() != StaffRole.CounterClerk || User.Id() is not { } me)
        {
            return false;
        }

        Visit = await db.AssistedSessions.AsNoTracking().OpenFor(me, clock.GetUtcNow().UtcDateTime)
            .Where(s => s.Channel == Channel.Counter).OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);
        Rated = Visit is not null && await db.Ratings.AnyAsync(r => r.VisitId == Visit.Id, cancellationToken);
        return true;
    }
}
