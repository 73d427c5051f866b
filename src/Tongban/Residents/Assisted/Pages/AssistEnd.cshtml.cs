using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>POST /staff/assist/end</c>: the clerk has finished; she can no longer open the resident's data, and is invited to rate the visit or call.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class AssistEndModel(AppDbContext db, IEnumerable<IFollowEndedSessions> followers, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.Id()!.Value;
        // What follows the end of a visit or call (its invitation to be rated) is saved with the ending, in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A conditional update: of two presses at once, the one that ended the sessions invites.
        await db.AssistedSessions.Where(s => s.StaffId == me && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        var ending = await db.AssistedSessions.AsNoTracking().Where(s => s.StaffId == me && s.EndedAt == now).ToListAsync(cancellationToken);
        foreach (var follower in followers)
        {
            await follower.Follow(ending, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect("/staff");
    }
}
