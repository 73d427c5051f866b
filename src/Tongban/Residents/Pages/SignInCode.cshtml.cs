using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;
using Tongban.Platform.Web;
using Tongban.Residents.SignIn;

namespace Tongban.Residents.Pages;

/// <summary><c>/sign-in/code</c>: the resident types the code from the text message and is signed in.</summary>
public sealed class SignInCodeModel(VerifySignInCode verify) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "challenge")]
    public Guid ChallengeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }
    public bool MustStartAgain { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var result = await verify.Handle(ChallengeId, Code, System.Globalization.CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (result.Resident is not { } resident)
        {
            Error = result.Error;
            MustStartAgain = result.MustStartAgain;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, resident.Id.ToString()), new Claim(AuthSetup.StampClaim, resident.SecurityStamp)],
            AuthSetup.ResidentScheme);
        await HttpContext.SignInWithSession(AuthSetup.ResidentScheme, new ClaimsPrincipal(identity), resident.Id);
        return LocalRedirect(string.IsNullOrEmpty(ReturnUrl) ? "/me" : SafeReturnUrl.Of(ReturnUrl));
    }
}
