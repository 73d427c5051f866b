using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Staff.Pages;

/// <summary><c>POST /staff/sign-out</c>; with <c>everywhere=true</c> it also ends the account's cookies on every other device.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffSignOutModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPost(bool everywhere, CancellationToken cancellationToken)
    {
        if (everywhere && User.Id() is { } id)
        {
            await db.StaffMembers.Where(s => s.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityStamp, Guid.NewGuid().ToString("N")), cancellationToken);
        }

        await HttpContext.SignOutOfSession(AuthSetup.StaffScheme);
        return Redirect("/staff/sign-in");
    }
}
