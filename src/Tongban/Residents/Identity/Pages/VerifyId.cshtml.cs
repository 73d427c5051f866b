using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Identity.Pages;

/// <summary>
/// <c>/me/verify</c>: she asks the real-name service to confirm her ID number against her name and the mobile she
/// signed in with. Only she can (a proxy acting for her is refused by the resident policy's own account check).
/// </summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class VerifyIdModel(AppDbContext db, VerifyIdNumber verify) : PageModel
{
    public Resident Resident { get; private set; } = null!;
    public VerifyOutcome? Outcome { get; private set; }
    public bool ServiceAvailable => verify.Available;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == User.Id(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var id = User.Id()!.Value;
        Outcome = await verify.Handle(id, cancellationToken);
        if (Outcome == VerifyOutcome.Verified)
        {
            return Redirect("/me?verified=true");
        }

        Resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return Page();
    }
}
