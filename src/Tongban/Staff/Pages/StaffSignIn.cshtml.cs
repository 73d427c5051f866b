using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;
using Tongban.Platform.Web;
using Tongban.Staff.SignIn;

namespace Tongban.Staff.Pages;

/// <summary><c>/staff/sign-in</c>: username and password, then the TOTP code on the next page.</summary>
public sealed class StaffSignInModel(CheckStaffPassword check) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var result = await check.Handle(UserName, Password, cancellationToken);
        if (result.StaffId is not { } id)
        {
            Error = result.Error;
            return Page();
        }

        var pending = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], AuthSetup.StaffPendingScheme);
        await HttpContext.SignInAsync(AuthSetup.StaffPendingScheme, new ClaimsPrincipal(pending));
        return RedirectToPage("/Staff/Pages/StaffSignInCode", new { returnUrl = string.IsNullOrEmpty(ReturnUrl) ? null : SafeReturnUrl.Of(ReturnUrl) });
    }
}
