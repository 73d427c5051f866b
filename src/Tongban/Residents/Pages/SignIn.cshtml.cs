using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Web;
using Tongban.Residents.SignIn;

namespace Tongban.Residents.Pages;

/// <summary><c>/sign-in</c>: a resident types her mobile number and gets a code by SMS. No password.</summary>
public sealed class SignInModel(RequestSignInCode request) : PageModel
{
    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var result = await request.Handle(Mobile, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (result.Error is not null)
        {
            Error = result.Error;
            return Page();
        }

        return RedirectToPage("/Residents/Pages/SignInCode", new { challenge = result.Challenge, returnUrl = string.IsNullOrEmpty(ReturnUrl) ? null : SafeReturnUrl.Of(ReturnUrl) });
    }
}
