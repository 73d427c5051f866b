using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;
using Tongban.Platform.Web;
using Tongban.Staff.SignIn;

namespace Tongban.Staff.Pages;

/// <summary><c>/staff/sign-in/code</c>: the TOTP second factor, reachable only after the right password.</summary>
public sealed class StaffSignInCodeModel(CheckStaffTotp check) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }
    public bool MustStartAgain { get; private set; }

    public async Task<IActionResult> OnGet() =>
        await PendingStaffId() is null ? RedirectToPage("/Staff/Pages/StaffSignIn") : Page();

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (await PendingStaffId() is not { } id)
        {
            return RedirectToPage("/Staff/Pages/StaffSignIn");
        }

        var result = await check.Handle(id, Code, cancellationToken);
        if (result.Staff is not { } staff)
        {
            Error = result.Error;
            MustStartAgain = result.MustStartAgain;
            if (MustStartAgain)
            {
                await HttpContext.SignOutAsync(AuthSetup.StaffPendingScheme);
            }

            return Page();
        }

        await HttpContext.SignOutAsync(AuthSetup.StaffPendingScheme);
        await HttpContext.SignInWithSession(AuthSetup.StaffScheme, StaffPrincipal.For(staff), staff.Id);
        return LocalRedirect(string.IsNullOrEmpty(ReturnUrl) ? "/staff" : SafeReturnUrl.Of(ReturnUrl));
    }

    private async Task<Guid?> PendingStaffId() =>
        (await HttpContext.AuthenticateAsync(AuthSetup.StaffPendingScheme)).Principal?.Id();
}
