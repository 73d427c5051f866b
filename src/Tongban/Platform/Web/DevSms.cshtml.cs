using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Sms;

namespace Tongban.Platform.Web;

/// <summary><c>/dev/sms</c>: the development SMS inbox. Outside Development there is no inbox, and the page is not found.</summary>
public sealed class DevSmsModel(IServiceProvider services, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<SentSms> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment() || services.GetService<DevelopmentSmsInbox>() is not { } inbox)
        {
            return NotFound();
        }

        Messages = inbox.Messages;
        return Page();
    }
}
