using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Staff;

namespace Tongban.Residents.Identity.Pages;

/// <summary>
/// <c>/staff/residents/{id}/mobile</c>: the clerk or agent helping her sends a code to the number typed for her,
/// and types what she reads back. Only then does the number sign in to her account.
/// </summary>
[Authorize(Policy = StaffPolicies.Assist)]
public sealed class ConfirmMobileModel(AppDbContext db, ResidentAccessPolicy policy, ConfirmMobileNumber confirm) : PageModel
{
    [FromRoute]
    public Guid ResidentId { get; set; }

    public string? Number { get; private set; }
    public Guid? CodeChallenge { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Allowed() is null ? StatusCode(StatusCodes.Status403Forbidden) : await Show(null, null, cancellationToken);

    public async Task<IActionResult> OnPostSend(CancellationToken cancellationToken)
    {
        if (await Allowed() is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var sent = await confirm.Send(ResidentId, User.Id()!.Value, cancellationToken);
        return await Show(sent.Challenge, sent.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPost(Guid challenge, string? code, CancellationToken cancellationToken)
    {
        if (await Allowed() is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await confirm.Confirm(ResidentId, challenge, code, actor, cancellationToken);
        return result.MobileNumber is not null
            ? Redirect($"/staff/residents/{ResidentId}")
            : await Show(result.MustStartAgain ? null : challenge, result.Error, cancellationToken);
    }

    private Task<Platform.Audit.Actor?> Allowed() => policy.Decide(HttpContext, ResidentId, ResidentOperation.ChangeProfile);

    private async Task<IActionResult> Show(Guid? challenge, string? error, CancellationToken cancellationToken)
    {
        Number = await db.Residents.Where(r => r.Id == ResidentId).Select(r => r.UnconfirmedMobileNumber).SingleOrDefaultAsync(cancellationToken);
        (CodeChallenge, Error) = (challenge, error);
        return Page();
    }
}
