using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Partners.Pages;

/// <summary>
/// <c>/partners/{code}/launch?to=…&amp;at=…&amp;sig=…</c>: where a partner app sends its user. A good link
/// remembers the partner for the visit and goes on to the page; a bad one says why, and still lets her
/// go on, on the web channel, rather than leaving her stuck.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class PartnerLaunchModel(CheckPartnerLaunch check, PartnerChannel channel) : PageModel
{
    public string? Error { get; private set; }
    public string ContinueUrl { get; private set; } = "/";

    public IActionResult OnGet(string? code, string? to, long? at, string? sig)
    {
        var result = check.Handle(code, to, at, sig);
        if (result.Partner is { } partner)
        {
            channel.Remember(HttpContext, partner);
            return LocalRedirect(result.ReturnUrl);
        }

        Error = result.Error;
        ContinueUrl = result.ReturnUrl;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
