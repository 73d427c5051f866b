using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Auth;
using Tongban.Platform.Web;
using Tongban.Staff;

namespace Tongban.Residents.Assisted.Pages;

/// <summary><c>/staff/assist</c>: a counter clerk or hotline agent finds or registers the resident and records identity check and consent.</summary>
[Authorize(Policy = StaffPolicies.Assist)]
public sealed class AssistStartModel(StartAssistedSession start) : PageModel
{
    [BindProperty]
    public AssistInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public bool NotRegisteredYet { get; private set; }

    /// <summary>A code went to the mobile of the account she already has: the clerk types what she reads out.</summary>
    public Guid? CodeSent { get; private set; }

    /// <summary>For a counter clerk: she is keying in a signed paper form that came by post, not serving someone at the counter.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ByPost { get; set; }

    public bool IsClerk => User.Role() == StaffRole.CounterClerk;

    /// <summary>Counter clerks work at a counter or on the post; everyone else allowed here answers the hotline.</summary>
    public Channel Channel => IsClerk ? (ByPost ? Channel.Post : Channel.Counter) : Channel.Hotline;

    public IReadOnlyList<IdentityCheck> Checks => StartAssistedSession.ChecksFor(Channel);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var result = await start.Handle(User.Id()!.Value, User.Identity?.Name ?? "", Channel, Input, cancellationToken);
        if (result.ResidentId is { } residentId)
        {
            return Redirect($"/staff/residents/{residentId}");
        }

        Errors = result.Errors;
        NotRegisteredYet = result.NotRegisteredYet;
        CodeSent = result.CodeSent;
        return Page();
    }
}
