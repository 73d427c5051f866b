using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Pages;

/// <summary><c>/me</c>: the signed-in resident's own account.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MeModel(AppDbContext db) : PageModel
{
    public Resident Resident { get; private set; } = null!;

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var id = User.ResidentId();
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null)
        {
            // The account behind a still-valid cookie is gone: start again.
            return Challenge(AuthSetup.ResidentScheme);
        }

        Resident = resident;
        return Page();
    }
}
