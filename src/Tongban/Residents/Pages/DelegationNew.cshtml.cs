using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Pages;

/// <summary><c>/me/delegations/new</c>: name a person, choose what and until when.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class DelegationNewModel(GrantDelegation grant, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public GrantInput Input { get; set; } = new();

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<Service> Services { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGet(CancellationToken cancellationToken) => Services = (await catalogue.Current(cancellationToken)).Services;

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        Errors = await grant.Handle(User.Id()!.Value, Input, cancellationToken);
        if (Errors.Count == 0)
        {
            Message = t["Done. {0} can accept when they sign in to Tongban with that number.", Input.ProxyName ?? ""];
            return Redirect("/me/delegations");
        }

        await OnGet(cancellationToken);
        return Page();
    }
}
