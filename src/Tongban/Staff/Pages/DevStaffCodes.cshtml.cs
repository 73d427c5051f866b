using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OtpNet;
using Tongban.Staff.Demo;

namespace Tongban.Staff.Pages;

/// <summary><c>/dev/staff-codes</c>: the demo accounts' current TOTP codes, so that nobody needs an authenticator app to try Tongban. Not found outside Development.</summary>
public sealed class DevStaffCodesModel(IHostEnvironment environment, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(DemoStaffAccount Account, string Code)> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("Demo:StaffAccounts", false))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Codes = DemoStaff.Accounts.Select(a => (a, new Totp(Base32Encoding.ToBytes(a.TotpSecret)).ComputeTotp(now))).ToList();
        return Page();
    }
}
