using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Pages;

/// <summary>
/// <c>/me/delegations</c>: always the signed-in person's own (also while acting for someone): who may act for
/// her, whom she may act for, and invitations to accept or decline.
/// </summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class DelegationsModel(ListDelegations list, AcceptDelegation accept, RevokeDelegation revoke, CatalogueStore catalogue, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : PageModel
{
    private CatalogueSnapshot _catalogue = null!;

    public DelegationLists Lists { get; private set; } = null!;
    public DateTime Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string ServiceName(string code) => _catalogue.Service(code)?.Name.Current ?? code;

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        _catalogue = await catalogue.Current(cancellationToken);
        Lists = await list.Handle(User.Id()!.Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostAccept(Guid id, CancellationToken cancellationToken) =>
        Done(await accept.Handle(User.Id()!.Value, id, cancellationToken), t["Accepted. You can now act for her from this page."]);

    public async Task<IActionResult> OnPostRevoke(Guid id, CancellationToken cancellationToken) =>
        Done(await revoke.Handle(User.Id()!.Value, id, cancellationToken), t["Ended. It stopped working at once."]);

    private IActionResult Done(bool found, string message)
    {
        if (!found)
        {
            return NotFound();
        }

        Message = message;
        return RedirectToPage();
    }
}
