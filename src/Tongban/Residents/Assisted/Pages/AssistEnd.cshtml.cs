using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>POST /staff/assist/end</c>: the clerk has finished; she can no longer open the resident's data.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class AssistEndModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.Id()!.Value;
        await db.AssistedSessions.Where(s => s.StaffId == me && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        return Redirect("/staff");
    }
}
