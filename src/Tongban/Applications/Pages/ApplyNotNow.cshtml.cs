using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tongban.Applications.Reapplying;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Residents.Access;

namespace Tongban.Applications.Pages;

/// <summary><c>…/apply/not-now</c>: she cannot apply for this now (one pending, or granted already): why, and where her earlier application is.</summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class ApplyNotNowModel(CatalogueStore catalogue, ResidentAccessPolicy policy, EarlierCases earlierCases, TimeProvider clock)
    : ApplicationPageModel(catalogue, policy)
{
    public async Task<IActionResult> OnGet()
    {
        if (await Authorize(clock) is { } refused)
        {
            return refused;
        }

        var all = Form;
        if (await LeaveOutWhatSheHas(earlierCases) is null)
        {
            // Something can be applied for after all (an earlier case ended meanwhile): back to the form.
            return Redirect(all.Path);
        }

        return Page();
    }
}
