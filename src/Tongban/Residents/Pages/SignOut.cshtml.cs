using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;

namespace Tongban.Residents.Pages;

/// <summary><c>POST /sign-out</c> (with antiforgery, so no other site can sign a resident out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/me");

    public async Task<IActionResult> OnPost()
    {
        await HttpContext.SignOutAsync(AuthSetup.ResidentScheme);
        return Redirect("/");
    }
}
