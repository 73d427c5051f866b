using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.Notifications.Pages;

/// <summary>
/// <c>/staff/notifications</c>: messages that could not be delivered, for operators and hotline agents, who
/// can send them again (after the resident's contact details were corrected) or call her.
/// </summary>
[Authorize(Policy = StaffPolicies.Undelivered)]
public sealed class DeadLettersModel(AppDbContext db, ResendNotification resend) : PageModel
{
    public IReadOnlyList<Notification> Dead { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Resent { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Dead = await db.Notifications.AsNoTracking().Where(n => n.Status == DeliveryStatus.Dead).OrderBy(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        await resend.Handle(id, cancellationToken);
        return Redirect("/staff/notifications?resent=true");
    }
}
