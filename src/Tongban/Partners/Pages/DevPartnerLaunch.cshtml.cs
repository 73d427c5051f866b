using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Tongban.Partners.Pages;

/// <summary>
/// <c>/dev/partner-launch</c>: plays the partner app in Development, with links signed as a partner signs
/// them, so the PartnerApp channel can be tried without one. Elsewhere the page is not found.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DevPartnerLaunchModel(IOptions<PartnerOptions> options, IHostEnvironment environment, TimeProvider clock) : PageModel
{
    private static readonly string[] Pages = ["/", "/services/elderly-allowance/apply", "/me"];

    public IReadOnlyList<(string Partner, string Page, string Link)> Links { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var at = clock.GetUtcNow().ToUnixTimeSeconds();
        Links = options.Value.Apps.SelectMany(p => Pages.Select(page => (p.Value.Name, page,
            $"/partners/{p.Key}/launch?to={Uri.EscapeDataString(page)}&at={at}&sig={CheckPartnerLaunch.Signature(p.Value.LaunchSecret, p.Key, at, page)}"))).ToList();
        return Page();
    }
}
