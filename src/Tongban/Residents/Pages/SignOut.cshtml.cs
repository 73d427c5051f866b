using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;

namespace Tongban.Residents.Pages;

/// <summary>
/// <c>POST /sign-out</c> (with antiforgery, so no other site can sign a resident out); with
/// <c>everywhere=true</c> it also ends her sign-in on every other phone and computer.
/// </summary>
public sealed class SignOutModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/me");

    public async Task<IActionResult> OnPost(bool everywhere, CancellationToken cancellationToken)
    {
        var signedIn = await HttpContext.AuthenticateAsync(AuthSetup.ResidentScheme);
        if (everywhere && signedIn.Principal?.Id() is { } id)
        {
            await db.Residents.Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.SecurityStamp, Guid.NewGuid().ToString("N")), cancellationToken);
        }

        await HttpContext.SignOutOfSession(AuthSetup.ResidentScheme);
        return Redirect("/");
    }
}
