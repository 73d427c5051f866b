using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Pages;

/// <summary><c>POST /me/acting-for</c>: start acting for someone who delegated to me (<c>delegation</c>), or stop (no value).</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class ActingForSwitchModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/me/delegations");

    public async Task<IActionResult> OnPost(Guid? delegation, CancellationToken cancellationToken)
    {
        if (delegation is not { } id)
        {
            ActingFor.Stop(Response);
            return Redirect("/me");
        }

        var me = User.Id()!.Value;
        var found = await db.Delegations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ProxyId == me, cancellationToken);
        if (found is null || !found.IsActive(clock.GetUtcNow().UtcDateTime))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // Her applications, which every permission lets him see within its services; her profile only a permission for everything does.
        ActingFor.Start(Response, id);
        return Redirect("/me/applications");
    }
}
